package ai.alphacore.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A machine-checkable claim about one resource of a type: every {@code match} path must hold on
 * one state resource. Paths look like {@code values.network_interface.0.subnetwork}.
 *
 * @param comparisonRule per-path rule names as written (unknown names are kept, not dropped)
 * @param extra any other keys of the invariant object, kept for round trips
 */
public record Invariant(
    String resourceType, Map<String, JsonNode> match, Map<String, String> comparisonRule, ObjectNode extra) {

  public Invariant {
    match = Collections.unmodifiableMap(new LinkedHashMap<>(match));
    comparisonRule = Collections.unmodifiableMap(new LinkedHashMap<>(comparisonRule));
    extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
  }

  public Invariant(String resourceType, Map<String, JsonNode> match, Map<String, String> comparisonRule) {
    this(resourceType, match, comparisonRule, null);
  }

  /** The rule for a path, or empty when none (or an unknown one) is given. */
  public java.util.Optional<ComparisonRule> rule(String path) {
    String r = comparisonRule.get(path);
    return r == null ? java.util.Optional.empty() : ComparisonRule.fromWire(r);
  }

  /** The invariant as task JSON: {@code {resource_type, match, comparison_rule, ...extra}}. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("resource_type", resourceType);
    ObjectNode m = o.putObject("match");
    match.forEach(m::set);
    ObjectNode r = o.putObject("comparison_rule");
    comparisonRule.forEach(r::put);
    extra.fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
    return o;
  }
}
