package ai.alphacore.core.judge;

/** Why a verdict could not be reached: a stable code and a message a person can act on. */
public record JudgeError(ErrorCode code, String message) {
  public String hint() {
    return code.hint();
  }
}
