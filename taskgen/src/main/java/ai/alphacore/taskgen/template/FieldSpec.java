package ai.alphacore.taskgen.template;

import ai.alphacore.core.task.ComparisonRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One attribute of a generated resource.
 *
 * @param path invariant path, e.g. {@code values.network_interface.0.subnetwork}
 * @param rule how the value is compared (names and references only; VALUE fields are exact)
 * @param referencedItem for references, the index of the referenced resource in the task (0-based), else -1
 * @param label words the prompt uses for the field, e.g. "IP CIDR range"
 * @param checked whether the field becomes part of the invariant (false: prompt-only, e.g. a
 *     relation the reference judge cannot check)
 * @param shown whether the prompt mentions the field (false when another shown field carries its value)
 */
public record FieldSpec(
    String path, JsonNode value, FieldRole role, ComparisonRule rule, int referencedItem, String label,
    boolean checked, boolean shown) {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  public static FieldSpec name(String path, String token, ComparisonRule rule, String label) {
    return new FieldSpec(path, F.textNode(token), FieldRole.NAME, rule, -1, label, true, true);
  }

  public static FieldSpec ref(String path, Provided p, String label) {
    return new FieldSpec(path, F.textNode(p.name()), FieldRole.REFERENCE, p.rule(), p.item(), label, true, true);
  }

  public static FieldSpec value(String path, JsonNode v, String label) {
    return new FieldSpec(path, v, FieldRole.VALUE, ComparisonRule.EXACT_MATCH, -1, label, true, true);
  }

  public static FieldSpec value(String path, String v, String label) {
    return value(path, F.textNode(v), label);
  }

  public static FieldSpec value(String path, int v, String label) {
    return value(path, F.numberNode(v), label);
  }

  public static FieldSpec value(String path, boolean v, String label) {
    return value(path, F.booleanNode(v), label);
  }

  /** The same field, mentioned in the prompt but not checked. */
  public FieldSpec proseOnly() {
    return new FieldSpec(path, value, role, rule, referencedItem, label, false, true);
  }

  /** The same field, checked but not mentioned (another shown field carries the value). */
  public FieldSpec hidden() {
    return new FieldSpec(path, value, role, rule, referencedItem, label, checked, false);
  }
}
