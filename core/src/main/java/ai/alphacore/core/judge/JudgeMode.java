package ai.alphacore.core.judge;

import java.util.Locale;

/** Which judge: the reference-compatible one, or the fixed one. */
public enum JudgeMode {
  /** Same verdict as the Python reference, quirks reproduced on purpose (docs/judge.md). */
  COMPAT,
  /** The fixed judge: typed comparisons, rules on every reference field, one-to-one matching. */
  STRICT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static JudgeMode parse(String s) {
    for (JudgeMode m : values()) if (m.wire().equalsIgnoreCase(s.trim())) return m;
    throw new IllegalArgumentException("unknown judge mode '" + s + "' (expected compat or strict)");
  }
}
