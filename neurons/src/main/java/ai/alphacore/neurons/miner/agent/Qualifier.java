package ai.alphacore.neurons.miner.agent;

/** How a prompt pins a value: exactly, as a prefix or suffix the agent must extend, or a plain value. */
public enum Qualifier {
  /** "name set to exactly X": use X verbatim. */
  EXACT,
  /** "starts with X followed by at least one more character": X plus our suffix. */
  STARTS_WITH,
  /** "ends with X preceded by at least one more character": our prefix plus X. */
  ENDS_WITH,
  /** "location set to X", "priority 1000": a plain value. */
  VALUE;

  public boolean affixed() {
    return this == STARTS_WITH || this == ENDS_WITH;
  }
}
