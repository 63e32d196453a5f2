package ai.alphacore.neurons.validator.scoring;

import java.util.Map;
import java.util.TreeMap;

/**
 * Per-round final score of each target miner (protocol.md A4.7, {@code _finalize_scores}): the
 * API average, optionally mixed with a latency score; a zero API score stays zero (fail closed).
 * Unlike the reference, latency scoring off does not crash: final = API average.
 */
public final class FinalScores {
  private FinalScores() {}

  /** The outcome with the unique fastest top scorer in winner-take-all mode (null otherwise). */
  public record Result(Map<Integer, Double> finals, Integer fastestTopUid) {}

  /**
   * @param apiAvg API score average per target uid
   * @param latency mean dispatch latency per uid (absent when the miner never answered)
   */
  public static Result compute(Map<Integer, Double> apiAvg, Map<Integer, Double> latency, ScoringConfig c) {
    Map<Integer, Double> finals = new TreeMap<>();
    if (!c.latencyEnabled()) {
      apiAvg.forEach((uid, api) -> finals.put(uid, clamp(api > 0 ? api : 0)));
      return new Result(finals, null);
    }
    double lmin = Double.MAX_VALUE;
    double lmax = -Double.MAX_VALUE;
    for (int uid : apiAvg.keySet()) {
      Double l = latency.get(uid);
      if (l == null) continue;
      lmin = Math.min(lmin, l);
      lmax = Math.max(lmax, l);
    }
    boolean anyLatency = lmax >= lmin;
    double range = anyLatency ? lmax - lmin : 0;
    double denom = Math.max(1e-9, range);
    double sum = c.apiWeight() + c.latencyWeight();
    double wA = sum <= 0 ? 1 : c.apiWeight() / sum;
    double wL = sum <= 0 ? 0 : c.latencyWeight() / sum;
    Map<Integer, Double> lat = c.winnerTakeAll()
        ? winnerLatency(apiAvg, latency, anyLatency ? lmax : 0)
        : relativeLatency(apiAvg, latency, lmin, range, denom, c);
    Integer winner = null;
    if (c.winnerTakeAll()) for (var e : lat.entrySet()) if (e.getValue() == 1.0) winner = e.getKey();
    for (var e : apiAvg.entrySet()) {
      double api = e.getValue();
      finals.put(e.getKey(), api <= 0 || !Double.isFinite(api) ? 0.0 : clamp(wA * api + wL * lat.getOrDefault(e.getKey(), 0.0)));
    }
    return new Result(finals, winner);
  }

  /** 1 for the unique fastest miner among those with the top API score, 0 for everyone else. */
  private static Map<Integer, Double> winnerLatency(Map<Integer, Double> api, Map<Integer, Double> latency, double lmax) {
    Map<Integer, Double> out = new TreeMap<>();
    double maxApi = api.values().stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).max().orElse(0);
    double best = Double.MAX_VALUE;
    int bestCount = 0;
    Integer bestUid = null;
    for (var e : api.entrySet()) {
      out.put(e.getKey(), 0.0);
      if (!(e.getValue() > 0 && Math.abs(e.getValue() - maxApi) <= 1e-9)) continue;
      double l = latency.getOrDefault(e.getKey(), lmax);
      if (l < best) {
        best = l;
        bestCount = 1;
        bestUid = e.getKey();
      } else if (l == best) {
        bestCount++;
      }
    }
    if (bestCount == 1) out.put(bestUid, 1.0);
    return out;
  }

  private static Map<Integer, Double> relativeLatency(Map<Integer, Double> api, Map<Integer, Double> latency,
      double lmin, double range, double denom, ScoringConfig c) {
    Map<Integer, Double> out = new TreeMap<>();
    long observed = api.keySet().stream().filter(latency::containsKey).count();
    double penalty = Math.max(0, Math.min(1, c.tiePenaltyMax()));
    if (observed >= 2 && range <= c.tieEpsilonSeconds() && penalty > 0) {
      // Near-equal latencies: spread by rank so a tie still orders miners, by at most the penalty.
      var ranked = api.keySet().stream().filter(latency::containsKey)
          .sorted((a, b) -> latency.get(a).equals(latency.get(b)) ? Integer.compare(a, b) : Double.compare(latency.get(a), latency.get(b)))
          .toList();
      int n = ranked.size();
      for (int r = 0; r < n; r++) out.put(ranked.get(r), n == 1 ? 1.0 : clamp(1 - (double) r / (n - 1) * penalty));
      return out;
    }
    double gamma = Math.max(1e-4, c.latencyGamma());
    for (int uid : api.keySet()) {
      Double l = latency.get(uid);
      if (l == null) continue;
      double delta = clamp((l - lmin) / denom);
      out.put(uid, Math.pow(1 - delta, gamma));
    }
    return out;
  }

  static double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
  }
}
