package ai.alphacore.neurons.miner.agent;

import java.util.List;

/** Free-text prompts (LLM rewrites): filled in below. */
final class LooseParser {
  List<PromptItem> items(String text, List<String> warnings) {
    return List.of();
  }
}
