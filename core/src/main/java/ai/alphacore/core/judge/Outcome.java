package ai.alphacore.core.judge;

/** What a verdict, an invariant or a field came to. */
public enum Outcome {
  PASS,
  FAIL,
  /** Nothing could be judged: bad input or an internal limit. See {@link JudgeError}. */
  ERROR;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
