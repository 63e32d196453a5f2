package ai.alphacore.validation.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The result of one job in one schema for every endpoint. The reference's fields come first
 * ({@code status} pass|fail, {@code score} always a number, {@code msg}, {@code passed_invariants},
 * {@code total_invariants}); then {@code outcome}, {@code fault}, {@code error} and the details.
 *
 * @param errorCode stable code when the job could not be judged normally, else null
 * @param details extra fields (invariants, lint findings, intake summary), merged in last
 */
public record JobResult(
    JobOutcome outcome, double score, int passed, int total, String msg, String errorCode, String errorMessage,
    String errorHint, ObjectNode details) {

  public String status() {
    return outcome == JobOutcome.PASSED ? "pass" : "fail";
  }

  public JobState state() {
    return outcome == JobOutcome.PASSED ? JobState.DONE : JobState.FAILED;
  }

  public static JobResult error(JobOutcome outcome, String code, String message, String hint) {
    return new JobResult(outcome, 0.0, 0, 0, message, code, message, hint, JsonNodeFactory.instance.objectNode());
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("status", status());
    if (msg != null) o.put("msg", msg);
    o.put("score", Double.isFinite(score) ? score : 0.0);
    o.put("passed_invariants", passed);
    o.put("total_invariants", total);
    o.put("outcome", outcome.wire());
    o.put("fault", outcome.fault().wire());
    if (errorCode != null) {
      ObjectNode e = o.putObject("error");
      e.put("code", errorCode);
      e.put("message", errorMessage);
      if (errorHint != null) e.put("hint", errorHint);
    }
    if (details != null) details.properties().forEach(en -> o.set(en.getKey(), en.getValue()));
    return o;
  }
}
