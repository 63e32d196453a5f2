package ai.alphacore.core.tfstate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The managed resource instances of a state that a judge asked for, in state order, plus what
 * was seen of the rest. Resources of other types are counted, not kept, so memory stays bounded.
 *
 * @param version the state's {@code version} field (JSON null when absent)
 */
public record TerraformState(JsonNode version, List<StateResource> resources, long bytes, int resourceBlocks) {

  /** Candidates of one type, in state order. */
  public List<StateResource> ofType(String type) {
    return byType().getOrDefault(type, List.of());
  }

  public Map<String, List<StateResource>> byType() {
    Map<String, List<StateResource>> m = new HashMap<>();
    for (StateResource r : resources) m.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
    return m;
  }
}
