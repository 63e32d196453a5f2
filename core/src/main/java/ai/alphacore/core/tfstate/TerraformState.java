package ai.alphacore.core.tfstate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The managed resource instances of a state that a judge asked for, in state order, plus what
 * was seen of the rest. Resources of other types are counted, not kept, so memory stays bounded.
 */
public final class TerraformState {
  private final JsonNode version;
  private final List<StateResource> resources;
  private final long bytes;
  private final int resourceBlocks;
  private final Map<String, List<StateResource>> byType = new HashMap<>();

  /** @param version the state's {@code version} field (JSON null when absent) */
  public TerraformState(JsonNode version, List<StateResource> resources, long bytes, int resourceBlocks) {
    this.version = version;
    this.resources = List.copyOf(resources);
    this.bytes = bytes;
    this.resourceBlocks = resourceBlocks;
    for (StateResource r : this.resources) byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
  }

  public JsonNode version() {
    return version;
  }

  public List<StateResource> resources() {
    return resources;
  }

  /** Bytes read from the document. */
  public long bytes() {
    return bytes;
  }

  /** Resource blocks seen in the document, of every type and mode. */
  public int resourceBlocks() {
    return resourceBlocks;
  }

  /** Candidates of one type, in state order. */
  public List<StateResource> ofType(String type) {
    return byType.getOrDefault(type, List.of());
  }
}
