package ai.alphacore.taskgen;

import ai.alphacore.core.task.Invariant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code metadata.rules} exactly as the reference's build_rules_from_invariants shapes it. */
final class RulesMetadata {
  private RulesMetadata() {}

  static ObjectNode build(List<Invariant> invariants) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode out = f.objectNode();
    out.put("version", "v1");
    out.put("source", "invariants");
    ObjectNode tokens = out.putObject("tokens");
    ArrayNode rules = out.putArray("rules");
    Map<String, String> ids = new LinkedHashMap<>();
    for (int i = 0; i < invariants.size(); i++) {
      Invariant inv = invariants.get(i);
      for (Map.Entry<String, JsonNode> e : inv.match().entrySet()) {
        JsonNode v = e.getValue();
        // De-duplicated by type and value, like the reference (true and "true" stay apart).
        String key = v.getNodeType() + ":" + v;
        String id = ids.get(key);
        if (id == null) {
          id = "token_" + (ids.size() + 1);
          ids.put(key, id);
          ObjectNode t = tokens.putObject(id);
          t.set("value", v);
          t.put("kind", "literal");
        }
        ObjectNode r = rules.addObject();
        r.put("group", "inv_" + (i + 1));
        r.put("resource_type", inv.resourceType());
        r.put("field", e.getKey());
        r.put("op", inv.comparisonRule().getOrDefault(e.getKey(), "exact_match"));
        r.put("token", id);
      }
    }
    return out;
  }
}
