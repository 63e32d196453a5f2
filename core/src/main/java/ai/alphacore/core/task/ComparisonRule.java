package ai.alphacore.core.task;

import java.util.Optional;

/** How an invariant's expected string is compared with the actual one. */
public enum ComparisonRule {
  EXACT_MATCH("exact_match"),
  STARTS_WITH("starts_with"),
  ENDS_WITH("ends_with");

  private final String wire;

  ComparisonRule(String wire) {
    this.wire = wire;
  }

  /** The name used in task JSON. */
  public String wire() {
    return wire;
  }

  /** The rule named exactly so, or empty for an unknown name. */
  public static Optional<ComparisonRule> fromWire(String s) {
    for (ComparisonRule r : values()) if (r.wire.equals(s)) return Optional.of(r);
    return Optional.empty();
  }
}
