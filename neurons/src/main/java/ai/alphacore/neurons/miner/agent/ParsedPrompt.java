package ai.alphacore.neurons.miner.agent;

import java.util.List;

/**
 * What the agent understood of a prompt.
 *
 * @param validatorSa the identity the prompt asks to grant viewer access, null when none
 * @param structured true when the numbered resource lines of the deterministic renderer were found
 * @param warnings what could not be understood (safe to log: no secrets come from prompts)
 */
public record ParsedPrompt(List<PromptItem> items, String validatorSa, boolean structured, List<String> warnings) {
  public ParsedPrompt {
    items = List.copyOf(items);
    warnings = List.copyOf(warnings);
  }
}
