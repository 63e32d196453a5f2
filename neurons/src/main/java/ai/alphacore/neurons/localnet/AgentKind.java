package ai.alphacore.neurons.localnet;

import java.util.Locale;

/** The miners of the local network, each showing one thing the validator must get right. */
public enum AgentKind {
  /** The reference agent: reads the prompt, deploys on cloudsim, should win every round. */
  REFERENCE,
  /** Makes one deliberate mistake per task: partial credit. */
  SLOPPY,
  /** Registered and announced, but nothing listens: scores 0. */
  OFFLINE,
  /** Resubmits the reference miner's latest ZIP: its resources are not its own, scores 0. */
  COPYCAT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The default cycle: reference, sloppy, offline, copycat, reference, ... */
  public static AgentKind forIndex(int i) {
    return values()[i % values().length];
  }
}
