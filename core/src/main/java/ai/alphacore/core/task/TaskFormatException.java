package ai.alphacore.core.task;

import ai.alphacore.core.judge.ErrorCode;

/** A task document that cannot be used, with a stable code and an actionable message. */
public final class TaskFormatException extends Exception {
  private final ErrorCode code;

  public TaskFormatException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
