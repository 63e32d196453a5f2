package ai.alphacore.taskgen.family;

import ai.alphacore.taskgen.rng.Rng;
import ai.alphacore.taskgen.template.ResourceTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves dependencies and orders templates. Unlike the reference, ties in the topological
 * sort are broken by selection order, so the same seed gives the same order in every process.
 */
public final class Composer {
  private final Map<String, ResourceTemplate> catalog;

  /** @param catalog the templates that may be used, in catalog order */
  public Composer(List<ResourceTemplate> catalog) {
    this.catalog = new LinkedHashMap<>();
    catalog.forEach(t -> this.catalog.put(t.key(), t));
  }

  public boolean has(String key) {
    return catalog.containsKey(key);
  }

  /** Whether every required capability of {@code key} (recursively) has a provider in the catalog. */
  public boolean resolvable(String key) {
    return resolvable(key, new LinkedHashSet<>());
  }

  private boolean resolvable(String key, Set<String> seen) {
    ResourceTemplate t = catalog.get(key);
    if (t == null) return false;
    if (!seen.add(key)) return true;
    for (String cap : t.requires()) {
      boolean any = false;
      for (ResourceTemplate p : catalog.values()) {
        if (p.provides().contains(cap) && resolvable(p.key(), seen)) {
          any = true;
          break;
        }
      }
      if (!any) return false;
    }
    return true;
  }

  /** Includes {@code seeds} with their dependencies and orders the result. */
  public Composition compose(List<String> seeds, Rng rng) {
    List<String> selected = new ArrayList<>();
    Map<String, Map<String, String>> resolved = new LinkedHashMap<>();
    for (String s : seeds) include(s, selected, resolved, rng, new LinkedHashSet<>());
    // Optional links ("uses"): only to providers already in the task.
    for (String key : selected) {
      for (String cap : catalog.get(key).uses()) {
        for (String other : selected) {
          if (!other.equals(key) && catalog.get(other).provides().contains(cap)) {
            resolved.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(cap, other);
            break;
          }
        }
      }
    }
    return new Composition(order(selected, resolved), resolved);
  }

  private void include(String key, List<String> selected, Map<String, Map<String, String>> resolved, Rng rng, Set<String> stack) {
    if (selected.contains(key)) return;
    ResourceTemplate t = catalog.get(key);
    if (t == null) throw new IllegalArgumentException("template " + key + " is not in the catalog");
    if (!stack.add(key)) throw new IllegalStateException("dependency cycle through " + key);
    for (String cap : t.requires()) {
      String provider = selected.stream().filter(k -> catalog.get(k).provides().contains(cap)).findFirst().orElse(null);
      if (provider == null) {
        List<String> candidates = catalog.values().stream()
            .filter(p -> p.provides().contains(cap) && resolvable(p.key())).map(ResourceTemplate::key).toList();
        if (candidates.isEmpty()) throw new IllegalStateException("no template provides " + cap + " for " + key);
        provider = candidates.size() == 1 ? candidates.get(0) : rng.pick(candidates);
        include(provider, selected, resolved, rng, stack);
      }
      resolved.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(cap, provider);
    }
    stack.remove(key);
    selected.add(key);
  }

  /** Kahn's algorithm; among ready templates the earliest selected goes first. */
  private List<ResourceTemplate> order(List<String> selected, Map<String, Map<String, String>> resolved) {
    Map<String, Set<String>> deps = new LinkedHashMap<>();
    for (String k : selected) deps.put(k, new LinkedHashSet<>(resolved.getOrDefault(k, Map.of()).values()));
    List<ResourceTemplate> out = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    while (out.size() < selected.size()) {
      String next = null;
      for (String k : selected) {
        if (!done.contains(k) && done.containsAll(deps.get(k))) {
          next = k;
          break;
        }
      }
      if (next == null) throw new IllegalStateException("dependency cycle among " + selected);
      done.add(next);
      out.add(catalog.get(next));
    }
    return out;
  }
}
