package ai.alphacore.neurons.miner.agent;

import java.util.List;

/**
 * The outcome of deploying a plan.
 *
 * @param state terraform.tfstate bytes (format version 4), null when nothing could be written
 * @param created resources that exist after the deploy (created now or found from an earlier try)
 * @param failed resources that could not be created or read back
 * @param notes what went wrong, safe to log (no tokens)
 */
public record Deployment(byte[] state, int created, int failed, List<String> notes) {
  public Deployment {
    notes = List.copyOf(notes);
  }
}
