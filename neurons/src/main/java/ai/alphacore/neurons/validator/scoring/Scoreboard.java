package ai.alphacore.neurons.validator.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The validator's moving-average scores per uid and the winner-take-all weights derived from
 * them (protocol.md A4.9). Follows the metagraph: a uid whose hotkey changed starts from zero.
 */
public final class Scoreboard {
  private double[] scores;
  private String[] hotkeys;
  private final ScoringConfig config;

  public Scoreboard(List<String> hotkeys, ScoringConfig config) {
    this.config = config;
    this.hotkeys = hotkeys.toArray(String[]::new);
    this.scores = new double[hotkeys.size()];
  }

  /** Restores saved scores; entries whose hotkey no longer matches are dropped. */
  public static Scoreboard restore(List<String> savedHotkeys, double[] savedScores, List<String> current, ScoringConfig config) {
    Scoreboard b = new Scoreboard(savedHotkeys, config);
    b.scores = Arrays.copyOf(savedScores, savedHotkeys.size());
    b.follow(current);
    return b;
  }

  /** Resizes to the metagraph and zeroes uids whose hotkey changed (the reference forgets to). */
  public synchronized void follow(List<String> current) {
    double[] next = new double[current.size()];
    for (int uid = 0; uid < current.size(); uid++) {
      if (uid < hotkeys.length && current.get(uid).equals(hotkeys[uid])) next[uid] = scores[uid];
    }
    scores = next;
    hotkeys = current.toArray(String[]::new);
  }

  /**
   * EMA step with this round's final scores: {@code s = a*r + (1-a)*s} over every uid, where r
   * is zero for uids without a positive score. No positive score at all: nothing changes.
   *
   * @return whether the scores were updated
   */
  public synchronized boolean settle(Map<Integer, Double> finals) {
    return settle(finals, java.util.Set.of());
  }

  /**
   * As {@link #settle(Map)}, but {@code held} uids keep their score: this round could not judge
   * them through no fault of theirs (the validator's own failure), so they neither earn nor decay.
   */
  public synchronized boolean settle(Map<Integer, Double> finals, java.util.Set<Integer> held) {
    double[] r = new double[scores.length];
    boolean any = false;
    for (var e : finals.entrySet()) {
      int uid = e.getKey();
      double v = e.getValue();
      if (uid < 0 || uid >= scores.length || uid == config.burnUid() || !(v > 0) || !Double.isFinite(v)) continue;
      r[uid] = Math.min(1, v);
      any = true;
    }
    if (!any) return false;
    double a = config.alpha();
    for (int i = 0; i < scores.length; i++) if (!held.contains(i)) scores[i] = a * r[i] + (1 - a) * scores[i];
    return true;
  }

  /** Weights for the chain: the top EMA score gets 1 - burn, the burn uid the rest; ties go to the lowest uid. */
  public synchronized float[] weights() {
    float[] w = new float[scores.length];
    if (scores.length == 0) return w;
    int burn = Math.max(0, Math.min(config.burnUid(), scores.length - 1));
    double p = Math.max(0, Math.min(1, config.burnShare()));
    int winner = -1;
    for (int uid = 0; uid < scores.length; uid++) {
      if (uid == burn || !(scores[uid] > 0)) continue;
      if (winner < 0 || scores[uid] > scores[winner]) winner = uid;
    }
    if (winner < 0) {
      w[burn] = 1f;
      return w;
    }
    w[winner] = (float) (1 - p);
    w[burn] += (float) p;
    return w;
  }

  public synchronized double[] scores() {
    return scores.clone();
  }

  public synchronized List<String> hotkeys() {
    return new ArrayList<>(Arrays.asList(hotkeys));
  }
}
