package ai.alphacore.neurons.miner;

import ai.alphacore.bittensor.chain.Metagraph;
import ai.alphacore.bittensor.chain.Neuron;
import ai.alphacore.bittensor.wire.AxonHooks;
import ai.alphacore.bittensor.wire.Synapse;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may call this miner, and in which order (protocol.md A3): a registered hotkey, with a
 * validator permit and enough stake unless configured otherwise. Unlike the reference, an
 * unknown hotkey with {@code allowNonRegistered} is let through rather than raising a 500.
 */
final class CallerPolicy implements AxonHooks.Blacklist, AxonHooks.Priority {
  private final MinerConfig config;
  private final Supplier<Metagraph> metagraph;

  CallerPolicy(MinerConfig config, Supplier<Metagraph> metagraph) {
    this.config = config;
    this.metagraph = metagraph;
  }

  @Override
  public AxonHooks.Decision check(Synapse s) {
    String hotkey = s.dendrite() == null ? null : s.dendrite().hotkey();
    if (hotkey == null || hotkey.isEmpty()) return AxonHooks.Decision.block("Missing dendrite or hotkey");
    Optional<Neuron> n = metagraph.get().byHotkey(hotkey);
    if (n.isEmpty()) {
      return config.allowNonRegistered() ? AxonHooks.Decision.ALLOW : AxonHooks.Decision.block("Unrecognized hotkey: " + hotkey);
    }
    if (config.forceValidatorPermit() && !n.get().validatorPermit()) return AxonHooks.Decision.block("Non-validator hotkey");
    if (n.get().stakeTao() < config.minimumStake()) {
      return AxonHooks.Decision.block("Insufficient stake (" + n.get().stakeTao() + " < " + config.minimumStake() + ")");
    }
    return AxonHooks.Decision.ALLOW;
  }

  @Override
  public double priority(Synapse s) {
    String hotkey = s.dendrite() == null ? null : s.dendrite().hotkey();
    return hotkey == null ? 0 : metagraph.get().byHotkey(hotkey).map(Neuron::stakeTao).orElse(0.0);
  }
}
