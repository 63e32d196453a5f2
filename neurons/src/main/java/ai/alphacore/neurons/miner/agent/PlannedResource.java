package ai.alphacore.neurons.miner.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One resource to create.
 *
 * @param address the Terraform local name ({@code google_compute_network.<address>})
 * @param item the prompt item it comes from (1-based), 0 for resources the agent adds (grants)
 * @param attrs the desired attributes in the Google provider's state shape (what main.tf sets)
 * @param refs attribute path to the resource it points at, written as a Terraform reference
 */
public record PlannedResource(String type, String address, int item, ObjectNode attrs, Map<String, Ref> refs) {
  public PlannedResource {
    refs = Map.copyOf(refs);
  }

  /**
   * A reference to another planned resource.
   *
   * @param target index of the target in the plan
   * @param expression HCL for the value with {@code %s} standing for the target's address,
   *     e.g. {@code %s.id} or {@code "storage.googleapis.com/${%s.name}"}
   */
  public record Ref(int target, String expression) {}

  public String tfAddress() {
    return type + "." + address;
  }

  /** Indexes of the resources this one depends on. */
  public List<Integer> dependencies() {
    return refs.values().stream().map(Ref::target).distinct().sorted().toList();
  }
}
