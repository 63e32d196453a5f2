package ai.alphacore.taskgen.family;

import java.util.Arrays;
import java.util.Optional;

/** The two task banks of the reference config. */
public enum Bank {
  SINGLE_RESOURCE("single_resource"),
  COMPOSITE_RESOURCE("composite_resource");

  private final String key;

  Bank(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Accepts the config key or the short form ({@code single}, {@code composite}). */
  public static Optional<Bank> parse(String s) {
    String t = s.trim().toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(values()).filter(b -> b.key.equals(t) || b.key.startsWith(t + "_")).findFirst();
  }
}
