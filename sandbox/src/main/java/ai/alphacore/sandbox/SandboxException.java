package ai.alphacore.sandbox;

/**
 * The one error type crossing the sandbox module boundary. {@link #getMessage()} keeps the
 * Python reference's wording where one exists (e.g. "Refusing unsafe zip entry: x").
 */
public final class SandboxException extends Exception {
  private final SandboxError code;
  private final String entry;

  public SandboxException(SandboxError code, String entry, String message) {
    super(message);
    this.code = code;
    this.entry = entry;
  }

  public SandboxException(SandboxError code, String entry, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.entry = entry;
  }

  public SandboxError code() {
    return code;
  }

  /** The offending entry name as given in the archive, or null when not about one entry. */
  public String entry() {
    return entry;
  }
}
