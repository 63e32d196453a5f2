package ai.alphacore.bittensor.wire;

/** Per-synapse hooks of an axon route, as in the SDK's {@code axon.attach(forward, blacklist, priority)}. */
public final class AxonHooks {
  private AxonHooks() {}

  /** Handles a verified synapse (the body synapse) and returns the response synapse. */
  @FunctionalInterface
  public interface Forward {
    Synapse forward(Synapse request) throws Exception;
  }

  /** Decides from the header synapse (hotkey, ip) before verification; reason goes into the 403. */
  @FunctionalInterface
  public interface Blacklist {
    Decision check(Synapse headerSynapse);

    Blacklist ALLOW_ALL = s -> Decision.ALLOW;
  }

  public record Decision(boolean blocked, String reason) {
    public static final Decision ALLOW = new Decision(false, "allowed");

    public static Decision block(String reason) {
      return new Decision(true, reason);
    }
  }

  /** Higher runs first when the axon is saturated; a wait past the synapse timeout gives 408. */
  @FunctionalInterface
  public interface Priority {
    double priority(Synapse headerSynapse);

    Priority NONE = s -> 0.0;
  }
}
