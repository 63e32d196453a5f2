package ai.alphacore.neurons.miner.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Dotted attribute paths ({@code allow.0.ports.0}) into Terraform-shaped attribute trees. */
final class Attrs {
  private Attrs() {}

  /** Sets a path, creating objects and lists on the way (a digit segment indexes a list). */
  static void set(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    JsonNode cur = root;
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      String p = parts[i];
      boolean nextIsIndex = !last && parts[i + 1].matches("\\d{1,2}");
      if (cur instanceof ObjectNode o) {
        if (last) {
          o.set(p, value);
          return;
        }
        JsonNode child = o.get(p);
        if (child == null || child.isNull() || nextIsIndex != child.isArray()) child = nextIsIndex ? o.putArray(p) : o.putObject(p);
        cur = child;
      } else if (cur instanceof ArrayNode a) {
        int idx = Integer.parseInt(p);
        while (a.size() <= idx) {
          if (last) a.addNull();
          else if (nextIsIndex) a.addArray();
          else a.addObject();
        }
        if (last) {
          a.set(idx, value);
          return;
        }
        cur = a.get(idx);
      } else {
        return;
      }
    }
  }

  /** The value at a path, or a missing node. */
  static JsonNode get(JsonNode root, String path) {
    JsonNode cur = root;
    for (String p : path.split("\\.")) {
      cur = p.matches("\\d{1,2}") && cur.isArray() ? cur.path(Integer.parseInt(p)) : cur.path(p);
    }
    return cur;
  }
}
