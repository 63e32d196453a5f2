package ai.alphacore.validation.verification;

import ai.alphacore.core.judge.Verdict;

/**
 * How a job turns a sanitized, linted workspace into a verdict. The job runner knows only this
 * interface, so the later kinds plug in without touching it:
 * <ul>
 *   <li>{@code state} ({@link StateVerification}): judge the submitted terraform.tfstate as given.
 *       It trusts the miner; use it for tests, benchmarks and dry runs only.</li>
 *   <li>{@code sandbox}: refresh the state inside the isolated sandbox, then judge (sandbox module).</li>
 *   <li>{@code gcp-api}: read each resource from GCP with the validator's credentials (cloud module).</li>
 * </ul>
 */
public interface Verification {
  /** The configuration name, e.g. "state". */
  String name();

  /** True when the verdict rests on the miner's own state without checking it against the cloud. */
  boolean trustsMinerState();

  /** Whether jobs can run now (credentials minted, sandbox up); shown by /health. */
  Readiness readiness();

  /**
   * Judges one workspace. Must honour {@link VerificationContext#deadline()} and never write
   * outside the job's own scratch directory.
   */
  Verdict verify(VerificationContext ctx) throws VerificationException;

  record Readiness(boolean ready, String error) {
    public static final Readiness READY = new Readiness(true, null);
  }
}
