package ai.alphacore.core.tfstate;

import ai.alphacore.core.judge.ErrorCode;

/** The state file could not be read as a Terraform state. Carries a stable code. */
public final class StateFormatException extends Exception {
  private final ErrorCode code;

  public StateFormatException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
