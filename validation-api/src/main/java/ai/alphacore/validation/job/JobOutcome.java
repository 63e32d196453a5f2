package ai.alphacore.validation.job;

import java.util.Locale;

/**
 * How a finished job came out, separating the miner's faults from the validator's so that a
 * validator never scores a miner 0 for its own failure (validation.md B20).
 */
public enum JobOutcome {
  /** Every invariant passed. */
  PASSED(Fault.NONE),
  /** Judged, with some invariants failing; score is the partial credit. */
  FAILED_INVARIANTS(Fault.MINER),
  /** The submission itself was bad: zip refused, lint rejection, missing or broken state. */
  MINER_ERROR(Fault.MINER),
  /** Our side failed: sandbox, credentials, cloud quota, bad task, crash twice. Retry; do not score. */
  INFRA_ERROR(Fault.VALIDATOR),
  /** The job ran out of time. Counted as the validator's fault: retry rather than score 0. */
  TIMEOUT(Fault.VALIDATOR);

  public enum Fault {
    NONE, MINER, VALIDATOR;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Fault fault;

  JobOutcome(Fault fault) {
    this.fault = fault;
  }

  public Fault fault() {
    return fault;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static JobOutcome parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
