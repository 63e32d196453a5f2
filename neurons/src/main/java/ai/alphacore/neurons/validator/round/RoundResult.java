package ai.alphacore.neurons.validator.round;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one round, as kept in the round summary.
 *
 * @param phaseSeconds wall time per phase: generation, handshake, dispatch_and_evaluation,
 *     cleanup, settlement
 */
public record RoundResult(
    String roundId,
    long block,
    List<String> baseTaskIds,
    List<MinerRound> miners,
    Integer fastestTopUid,
    boolean settled,
    double[] scoresAfter,
    Map<String, Double> phaseSeconds) {

  public double seconds() {
    return phaseSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
