package ai.alphacore.core.task;

import ai.alphacore.core.judge.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task as the validator reads it (the reference TaskSpec): {@code task_id}, {@code invariants}
 * and any other fields ({@code version}, {@code nonce}, {@code kind}, {@code prompt},
 * {@code metadata}, ...), which are kept as they came.
 */
public record Task(String taskId, List<Invariant> invariants, ObjectNode extra) {
  /** Key order of the reference's {@code TaskSpec.to_dict()}; other keys follow in their order. */
  private static final List<String> CANONICAL = List.of("version", "task_id", "nonce", "kind", "invariants", "prompt", "metadata");

  public Task {
    invariants = List.copyOf(invariants);
    extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    extra.remove("task_id");
    extra.remove("invariants");
  }

  /** The task as JSON, keys in the reference order, every extra field kept. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (String k : CANONICAL) {
      switch (k) {
        case "task_id" -> o.put("task_id", taskId);
        case "invariants" -> invariants.forEach(i -> o.withArray("invariants").add(i.toJson()));
        default -> {
          if (extra.has(k)) o.set(k, extra.get(k));
        }
      }
    }
    if (invariants.isEmpty()) o.putArray("invariants");
    extra.fields().forEachRemaining(e -> {
      if (!o.has(e.getKey())) o.set(e.getKey(), e.getValue());
    });
    return o;
  }

  /**
   * Reads a task strictly: the bare TaskSpec or a {@code {"task": {...}}} envelope. Every
   * invariant needs a resource_type string, a non-empty match object and known rule names.
   */
  public static Task fromJson(JsonNode root) throws TaskFormatException {
    if (root == null || !root.isObject()) {
      throw new TaskFormatException(ErrorCode.TASK_NOT_OBJECT, "task must be a JSON object, got " + kind(root));
    }
    JsonNode t = root.has("task") ? root.get("task") : root;
    if (!t.isObject()) {
      throw new TaskFormatException(ErrorCode.TASK_NOT_OBJECT, "\"task\" must be an object, got " + kind(t));
    }
    JsonNode id = t.get("task_id");
    if (id == null || !id.isTextual() || id.textValue().isBlank()) {
      throw new TaskFormatException(ErrorCode.TASK_INVALID, "task_id must be a non-empty string");
    }
    JsonNode invs = t.get("invariants");
    if (invs == null || invs.isNull() || (invs.isArray() && invs.isEmpty())) {
      throw new TaskFormatException(ErrorCode.TASK_NO_INVARIANTS, "task " + id.textValue() + " has no invariants");
    }
    if (!invs.isArray()) {
      throw new TaskFormatException(ErrorCode.TASK_INVALID, "invariants must be a list, got " + kind(invs));
    }
    List<Invariant> out = new ArrayList<>();
    for (int i = 0; i < invs.size(); i++) out.add(invariant(invs.get(i), i + 1));
    return new Task(id.textValue(), out, (ObjectNode) t);
  }

  private static Invariant invariant(JsonNode n, int idx) throws TaskFormatException {
    String where = "invariant " + idx;
    if (!n.isObject()) throw new TaskFormatException(ErrorCode.TASK_INVALID, where + " must be an object, got " + kind(n));
    JsonNode type = n.get("resource_type");
    if (type == null || !type.isTextual() || type.textValue().isBlank()) {
      throw new TaskFormatException(ErrorCode.TASK_INVALID, where + ": resource_type must be a non-empty string");
    }
    where += " (" + type.textValue() + ")";
    JsonNode match = n.get("match");
    if (match == null || !match.isObject() || match.isEmpty()) {
      throw new TaskFormatException(ErrorCode.TASK_INVALID, where + ": match must be a non-empty object of path -> expected value");
    }
    Map<String, JsonNode> m = new LinkedHashMap<>();
    match.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    Map<String, String> rules = new LinkedHashMap<>();
    JsonNode cr = n.get("comparison_rule");
    if (cr != null && !cr.isNull()) {
      if (!cr.isObject()) throw new TaskFormatException(ErrorCode.TASK_INVALID, where + ": comparison_rule must be an object");
      for (var it = cr.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!e.getValue().isTextual() || ComparisonRule.fromWire(e.getValue().textValue()).isEmpty()) {
          throw new TaskFormatException(
              ErrorCode.INVALID_RULE, where + ": comparison_rule for " + e.getKey() + " is " + e.getValue()
                  + "; use exact_match, starts_with or ends_with");
        }
        rules.put(e.getKey(), e.getValue().textValue());
      }
    }
    ObjectNode extra = ((ObjectNode) n).deepCopy();
    extra.remove(List.of("resource_type", "match", "comparison_rule"));
    return new Invariant(type.textValue(), m, rules, extra);
  }

  static String kind(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return "null";
    if (n.isArray()) return "a list";
    if (n.isObject()) return "an object";
    if (n.isTextual()) return "a string";
    if (n.isNumber()) return "a number";
    if (n.isBoolean()) return "a boolean";
    return n.getNodeType().toString();
  }
}
