package ai.alphacore.neurons.miner.agent;

import java.util.List;

/**
 * One numbered resource line of a prompt.
 *
 * @param number the 1-based item number as written
 * @param label the resource words before the colon ("Cloud Storage bucket")
 * @param type the Terraform type the label names, null when unknown
 */
public record PromptItem(int number, String label, String type, List<Clause> clauses) {
  public PromptItem {
    clauses = List.copyOf(clauses);
  }
}
