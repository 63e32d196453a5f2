package ai.alphacore.neurons.validator.round;

import java.util.Map;

/** Where round progress goes: the task ledger, the console of {@code localnet}, metrics. */
public interface RoundListener {
  void event(String name, Map<String, Object> payload);

  default void roundComplete(RoundResult result) {}

  RoundListener NONE = (n, p) -> {};
}
