package ai.alphacore.cloud.gcp;

/**
 * A read failed for reasons on the validator's side (our token, rate limits, Google's 5xx,
 * timeouts), after retries. Such a failure must never become a 0 for the miner.
 */
public final class ValidatorFault extends Exception {
  /** Stable codes; never renumber or rename. */
  public enum Code {
    TOKEN_UNAVAILABLE,
    TOKEN_REJECTED,
    RATE_LIMITED,
    UPSTREAM_UNAVAILABLE,
    TIMEOUT,
    UPSTREAM_MALFORMED,
    DEADLINE_EXCEEDED
  }

  private final Code code;
  private final int status;

  public ValidatorFault(Code code, int status, String message) {
    super(message);
    this.code = code;
    this.status = status;
  }

  public Code code() {
    return code;
  }

  /** The last HTTP status seen, 0 when there was none (timeout, connection failure). */
  public int status() {
    return status;
  }
}
