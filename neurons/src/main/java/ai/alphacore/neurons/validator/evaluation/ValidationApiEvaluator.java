package ai.alphacore.neurons.validator.evaluation;

import ai.alphacore.validation.ValidationApiException;
import ai.alphacore.validation.client.ValidationApiClient;
import java.time.Duration;

/**
 * Evaluation through the Validation API (asynchronous jobs, the ZIP uploaded, not a host
 * path). A job the API failed on its own side (sandbox, token, cloud quota, interruption) is a
 * validator fault: the miner is not scored 0 for it.
 */
public final class ValidationApiEvaluator implements Evaluator {
  private final ValidationApiClient client;
  private final Duration timeout;

  public ValidationApiEvaluator(ValidationApiClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public Evaluation evaluate(EvaluationRequest req) {
    if (!req.taskJson().path("invariants").isArray() || req.taskJson().path("invariants").isEmpty()) {
      return Evaluation.of(Attempt.MISSING_INVARIANTS, "validator_task_json_missing_invariants");
    }
    try {
      ValidationApiClient.Health h = client.health();
      if (!h.ready()) return Evaluation.of(Attempt.API_UNHEALTHY, "validation API not ready: " + h.raw());
      int timeoutS = (int) Math.max(1, Math.min(900, timeout.toSeconds()));
      String job = client.submit(req.workspaceZip(), req.taskJson(), timeoutS);
      ValidationApiClient.JobView v = client.await(job, timeout.plusSeconds(30));
      if (!v.minerFault()) {
        return new Evaluation(Attempt.API_ERROR, 0, "validation job " + job + " failed on the validator side: " + v.outcome(), v.raw());
      }
      return new Evaluation(Attempt.VALIDATED, v.score() == null ? 0 : v.score(), null, v.result() == null ? v.raw() : v.result());
    } catch (ValidationApiException e) {
      return Evaluation.of(Attempt.API_ERROR, e.getMessage());
    }
  }
}
