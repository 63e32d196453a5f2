package ai.alphacore.neurons.miner.agent;

import java.util.List;

/**
 * What the agent will create for a prompt, in creation order (dependencies first).
 *
 * @param notes what was skipped or guessed, for the submission notes
 */
public record Plan(List<PlannedResource> resources, String project, List<String> notes) {
  public Plan {
    resources = List.copyOf(resources);
    notes = List.copyOf(notes);
  }
}
