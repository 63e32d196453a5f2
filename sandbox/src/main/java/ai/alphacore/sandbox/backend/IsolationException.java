package ai.alphacore.sandbox.backend;

/**
 * The one error type of the isolation packages (backend, network, guest, secret, refresh).
 * Messages never contain the token: every producer passes text through the run's redactor.
 */
public final class IsolationException extends Exception {
  private final IsolationError code;

  public IsolationException(IsolationError code, String message) {
    super(message);
    this.code = code;
  }

  public IsolationException(IsolationError code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public IsolationError code() {
    return code;
  }
}
