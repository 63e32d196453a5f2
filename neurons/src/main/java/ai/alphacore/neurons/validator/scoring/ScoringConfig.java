package ai.alphacore.neurons.validator.scoring;

/**
 * Scoring knobs with the reference defaults (protocol.md A4.7, A4.9, A8.3).
 *
 * @param latencyEnabled {@code ALPHACORE_LATENCY_SCORING_ENABLED}; when off, final = API average
 * @param latencyMode {@code winner_take_all} (aliases winner, fastest) or anything else = relative
 */
public record ScoringConfig(
    boolean latencyEnabled,
    String latencyMode,
    double apiWeight,
    double latencyWeight,
    double latencyGamma,
    double tieEpsilonSeconds,
    double tiePenaltyMax,
    double alpha,
    int burnUid,
    double burnShare) {

  public static ScoringConfig defaults() {
    return new ScoringConfig(true, "winner_take_all", 0.8, 0.1, 1.0, 0.005, 0.1, 0.1, 0, 0.9);
  }

  public boolean winnerTakeAll() {
    return switch (latencyMode.toLowerCase(java.util.Locale.ROOT)) {
      case "winner_take_all", "winner", "fastest" -> true;
      default -> false;
    };
  }
}
