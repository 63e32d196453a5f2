package ai.alphacore.bittensor.chain;

import java.util.List;
import java.util.Optional;

/** A subnet's metagraph at a block: neurons in uid order 0..n−1. */
public record Metagraph(int netuid, long block, List<Neuron> neurons) {
  public Metagraph {
    neurons = List.copyOf(neurons);
  }

  public int n() {
    return neurons.size();
  }

  public Optional<Neuron> byHotkey(String ss58) {
    return neurons.stream().filter(x -> x.hotkey().equals(ss58)).findFirst();
  }
}
