package ai.alphacore.cloud;

/**
 * The one error type crossing the {@code cloud} module boundary: bad configuration or input that
 * the caller must fix. Faults found while verifying are not errors; they are reported in the
 * verification result (see {@code verify.Fault}).
 */
public final class CloudError extends RuntimeException {
  /** Stable codes; never renumber or rename. */
  public enum Code {
    BAD_REQUEST,
    BAD_ENDPOINT,
    BAD_CREDENTIALS,
    NO_CREDENTIALS,
    BAD_PROJECT,
    STORE_FAILURE,
    SERVER_START
  }

  private final Code code;

  public CloudError(Code code, String message) {
    super(message);
    this.code = code;
  }

  public CloudError(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
