package ai.alphacore.neurons.validator.round;

import ai.alphacore.neurons.validator.evaluation.Attempt;
import com.fasterxml.jackson.databind.JsonNode;

/** One (miner, task) pair of a round: what was sent, what came back, how it scored. */
public record PairResult(
    int uid,
    String hotkey,
    String baseTaskId,
    String taskId,
    Attempt attempt,
    double score,
    double latencySeconds,
    double evaluationSeconds,
    String error,
    JsonNode detail,
    String zipSha256,
    long zipBytes,
    boolean feedbackAcknowledged) {

  public PairResult withFeedback(boolean ack) {
    return new PairResult(uid, hotkey, baseTaskId, taskId, attempt, score, latencySeconds, evaluationSeconds, error, detail,
        zipSha256, zipBytes, ack);
  }
}
