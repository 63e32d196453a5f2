package ai.alphacore.validation.verification;

/**
 * A verification that could not reach a verdict. {@code minerFault} says whose fault: a refresh
 * the miner's resources broke is the miner's; an expired token or a quota is ours.
 *
 * @param code stable, upper-case, e.g. TOKEN_EXPIRED, CLOUD_QUOTA, SANDBOX_FAILED
 */
public final class VerificationException extends Exception {
  private final String code;
  private final boolean minerFault;

  public VerificationException(String code, boolean minerFault, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.minerFault = minerFault;
  }

  public String code() {
    return code;
  }

  public boolean minerFault() {
    return minerFault;
  }
}
