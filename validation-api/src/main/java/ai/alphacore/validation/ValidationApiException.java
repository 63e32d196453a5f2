package ai.alphacore.validation;

/** The one error type crossing the validation-api module boundary, with a stable code. */
public final class ValidationApiException extends RuntimeException {
  /** Never rename: the CLI prints them and operators grep for them. */
  public enum Code { CONFIG_INVALID, STORE_UNAVAILABLE, STORE_FAILED, BIND_FAILED, SUBMISSION_FAILED, CLIENT_HTTP, CLIENT_IO }

  private final Code code;

  public ValidationApiException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public ValidationApiException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
