package ai.alphacore.bittensor.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A synapse class: its name (the route), the declared fields in pydantic order with defaults,
 * and {@code required_hash_fields}. Required fields (no default) get a
 * {@code bt_header_input_obj_<field>} header with base64(JSON of an empty value of their type).
 */
public record SynapseSpec(String name, List<Field> fields, List<String> requiredHashFields) {

  /** JSON types a field can declare; used for the empty value of required fields. */
  public enum Type {
    STRING("\"\""), INT("0"), FLOAT("0.0"), BOOL("false"), OBJECT("{}"), ARRAY("[]"), ANY("null");

    final String emptyJson;

    Type(String emptyJson) {
      this.emptyJson = emptyJson;
    }
  }

  /** A declared field; {@code defaultValue == null} means required (no default). */
  public record Field(String name, Type type, JsonNode defaultValue) {
    public boolean required() {
      return defaultValue == null;
    }

    public static Field required(String name, Type type) {
      return new Field(name, type, null);
    }

    public static Field of(String name, Type type, JsonNode defaultValue) {
      return new Field(name, type, defaultValue == null ? JsonNodeFactory.instance.nullNode() : defaultValue);
    }
  }

  public SynapseSpec {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*"))
      throw new IllegalArgumentException("synapse name must be an identifier: " + name);
    fields = List.copyOf(fields);
    requiredHashFields = List.copyOf(requiredHashFields);
    for (Field f : fields)
      if (Synapse.BASE_FIELDS.contains(f.name()))
        throw new IllegalArgumentException("field " + f.name() + " is a base synapse field");
  }

  public static SynapseSpec of(String name, Field... fields) {
    return new SynapseSpec(name, List.of(fields), List.of());
  }

  /** The SDK's base {@code Synapse} (route {@code /Synapse}, the ping every axon answers). */
  public static final SynapseSpec BASE = new SynapseSpec("Synapse", List.of(), List.of());

  /** Subclass fields with their defaults (required ones are null until set). */
  ObjectNode defaults() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (Field f : fields) o.set(f.name(), f.required() ? JsonNodeFactory.instance.nullNode() : f.defaultValue().deepCopy());
    return o;
  }

  List<Field> requiredFields() {
    List<Field> r = new ArrayList<>();
    for (Field f : fields) if (f.required()) r.add(f);
    return r;
  }
}
