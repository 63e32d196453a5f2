package ai.alphacore.taskgen.family;

import ai.alphacore.taskgen.rng.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A family as the config allows it: the optional subsets whose task size fits the bank's
 * min/max resources, grouped by how many optionals they add. Drawing picks a count uniformly
 * among the feasible ones, then a subset, so bounds are honoured without retry loops.
 */
public record FamilyPlan(Family family, Composer composer, Map<Integer, List<List<String>>> subsetsByCount, List<Integer> sizes) {

  /** Empty when no optional subset fits; {@code why} then tells the reason. */
  public static FamilyPlan of(Family f, Composer composer, List<String> optionalPool, Integer minRes, Integer maxRes) {
    int ceiling = Math.min(f.ceiling(), optionalPool.size());
    int floor = Math.min(f.floor(), ceiling);
    Map<Integer, List<List<String>>> by = new TreeMap<>();
    java.util.SortedSet<Integer> sizes = new java.util.TreeSet<>();
    int n = optionalPool.size();
    for (int mask = 0; mask < (1 << n); mask++) {
      int k = Integer.bitCount(mask);
      if (k < floor || k > ceiling) continue;
      List<String> subset = new ArrayList<>();
      for (int i = 0; i < n; i++) if ((mask & (1 << i)) != 0) subset.add(optionalPool.get(i));
      List<String> seeds = new ArrayList<>(f.mandatory());
      seeds.addAll(subset);
      int size = composer.compose(seeds, new Rng(0)).resourceCount();
      if ((minRes != null && size < minRes) || (maxRes != null && size > maxRes)) continue;
      by.computeIfAbsent(k, x -> new ArrayList<>()).add(List.copyOf(subset));
      sizes.add(size);
    }
    return new FamilyPlan(f, composer, by, List.copyOf(sizes));
  }

  public boolean feasible() {
    return !subsetsByCount.isEmpty();
  }

  /** Mandatory templates then the drawn optionals, in random order (as the reference appends them). */
  public List<String> draw(Rng rng) {
    List<Integer> counts = List.copyOf(subsetsByCount.keySet());
    int k = rng.pick(counts);
    List<String> subset = rng.pick(subsetsByCount.get(k));
    List<String> seeds = new ArrayList<>(family.mandatory());
    seeds.addAll(rng.shuffled(subset));
    return seeds;
  }
}
