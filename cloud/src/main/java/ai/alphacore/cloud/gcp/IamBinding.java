package ai.alphacore.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/**
 * A member found in an IAM policy under a role: the member string as the policy holds it (email
 * case is not significant) and the provider's {@code condition} block (empty list when none).
 */
record IamBinding(String member, ArrayNode condition) {
  /** An unconditional grant wins over a conditional one. */
  static Optional<IamBinding> find(JsonNode policy, String role, String member) {
    IamBinding conditional = null;
    for (JsonNode b : policy.path("bindings")) {
      if (!role.equals(b.path("role").asText())) continue;
      for (JsonNode m : b.path("members")) {
        if (!m.asText().equalsIgnoreCase(member)) continue;
        ArrayNode cond = JsonNodeFactory.instance.arrayNode();
        JsonNode c = b.get("condition");
        if (c == null || c.isNull()) return Optional.of(new IamBinding(m.asText(), cond));
        cond.addObject().put("description", c.path("description").asText("")).put("expression", c.path("expression").asText("")).put("title", c.path("title").asText(""));
        conditional = new IamBinding(m.asText(), cond);
      }
    }
    return Optional.ofNullable(conditional);
  }
}
