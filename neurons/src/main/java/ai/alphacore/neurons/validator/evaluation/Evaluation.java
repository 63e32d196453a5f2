package ai.alphacore.neurons.validator.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The evaluator's answer for one pair.
 *
 * @param score in [0, 1]; meaningful only when the attempt is not a validator fault
 * @param detail the evaluator's response (the Validation API job JSON, or the verdict) for
 *     feedback and cleanup; never null
 */
public record Evaluation(Attempt attempt, double score, String error, JsonNode detail) {
  public Evaluation {
    detail = detail == null ? NullNode.getInstance() : detail;
    score = Double.isFinite(score) ? Math.max(0, Math.min(1, score)) : 0;
  }

  public static Evaluation of(Attempt attempt, String error) {
    return new Evaluation(attempt, 0, error, null);
  }

  public boolean counts() {
    return !attempt.validatorFault();
  }
}
