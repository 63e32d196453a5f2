package ai.alphacore.neurons.validator.evaluation;

import java.util.Locale;

/**
 * Why a (miner, task) pair got the score it got. The reference's attempt statuses, split by
 * whose fault it is: miner faults score 0, validator faults are left out of the average.
 */
public enum Attempt {
  VALIDATED(false),
  NO_RESPONSE(false),
  TIMEOUT(false),
  TASK_ID_MISMATCH(false),
  NO_SUBMISSION_ZIP(false),
  INVALID_BASE64(false),
  ZIP_TOO_LARGE(false),
  ZIP_SHA256_MISMATCH(false),
  MISSING_INVARIANTS(true),
  API_UNHEALTHY(true),
  API_ERROR(true),
  VALIDATOR_FAULT(true);

  private final boolean validatorFault;

  Attempt(boolean validatorFault) {
    this.validatorFault = validatorFault;
  }

  /** True when the validator side failed: the pair is not scored at all. */
  public boolean validatorFault() {
    return validatorFault;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
