package ai.alphacore.core.judge;

import java.util.List;

/**
 * The judge's answer for one task and one state. {@code status}, {@code score}, {@code passed},
 * {@code total} and {@code msg} are the reference's result fields; the rest explains them.
 */
public record Verdict(
    String taskId,
    JudgeMode mode,
    Outcome outcome,
    String status,
    double score,
    int passed,
    int total,
    String msg,
    List<InvariantResult> invariants,
    JudgeError error) {

  public static final String PASS = "pass";
  public static final String FAIL = "fail";
  public static final String ERROR = "error";

  /** Builds a verdict from per-invariant results: score = passed/total, pass only when all pass. */
  public static Verdict of(String taskId, JudgeMode mode, List<InvariantResult> results) {
    int total = results.size();
    int passed = (int) results.stream().filter(InvariantResult::passed).count();
    if (total == 0) {
      return new Verdict(taskId, mode, Outcome.FAIL, FAIL, 0.0, 0, 0, "no invariants provided", results, null);
    }
    boolean all = passed == total;
    return new Verdict(
        taskId, mode, all ? Outcome.PASS : Outcome.FAIL, all ? PASS : FAIL, (double) passed / total,
        passed, total, all ? null : passed + "/" + total + " invariants matched", results, null);
  }

  /**
   * A verdict that could not be judged. In compat mode the reference reports some of these as a
   * 0-invariant fail with its own message ({@code referenceMsg}); {@code status} follows it.
   */
  public static Verdict error(String taskId, JudgeMode mode, String status, String referenceMsg, JudgeError error) {
    return new Verdict(taskId, mode, Outcome.ERROR, status, 0.0, 0, 0, referenceMsg, List.of(), error);
  }
}
