package ai.alphacore.validation.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The body of POST /validate (and the JSON form of POST /v1/jobs), checked like the
 * reference's pydantic model in lax mode: "12" is an int, 1.5 is not, task_json must be an object.
 */
public record ValidateRequest(
    String workspaceZipPath, String workspaceZipB64, String sha256, ObjectNode taskJson, Integer timeoutS,
    boolean netChecks, boolean streamLog, boolean quietKernel) {

  private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "y", "t");
  private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "n", "f");

  /** @param uploadAllowed the body may carry the zip as base64 instead of a host path */
  public static ValidateRequest parse(JsonNode body, boolean uploadAllowed) {
    ArrayNode errors = JsonNodeFactory.instance.arrayNode();
    if (body == null || !body.isObject()) {
      add(errors, "model_attributes_type", "Input should be a valid dictionary or object to extract fields from", body, "body");
      throw new HttpError(422, errors, Map.of());
    }
    String path = string(body, "workspace_zip_path", errors, !(uploadAllowed && body.has("workspace_zip_b64")));
    String b64 = uploadAllowed ? string(body, "workspace_zip_b64", errors, false) : null;
    String sha = uploadAllowed ? string(body, "sha256", errors, false) : null;
    ObjectNode task = null;
    JsonNode t = body.get("task_json");
    if (t == null) add(errors, "missing", "Field required", body, "body", "task_json");
    else if (!t.isObject()) add(errors, "dict_type", "Input should be a valid dictionary", t, "body", "task_json");
    else task = (ObjectNode) t;
    Integer timeout = integer(body, "timeout_s", errors);
    boolean net = bool(body, "net_checks", false, errors);
    boolean stream = bool(body, "stream_log", false, errors);
    boolean quiet = bool(body, "quiet_kernel", true, errors);
    if (!errors.isEmpty()) throw new HttpError(422, errors, Map.of());
    return new ValidateRequest(path, b64, sha, task, timeout, net, stream, quiet);
  }

  private static void add(ArrayNode errors, String type, String msg, JsonNode input, String... loc) {
    ObjectNode e = errors.addObject();
    e.put("type", type);
    ArrayNode l = e.putArray("loc");
    for (String s : loc) l.add(s);
    e.put("msg", msg);
    e.set("input", input == null ? JsonNodeFactory.instance.nullNode() : input);
  }

  private static String string(JsonNode body, String field, ArrayNode errors, boolean required) {
    JsonNode v = body.get(field);
    if (v == null || (v.isNull() && !required)) {
      if (required) add(errors, "missing", "Field required", body, "body", field);
      return null;
    }
    if (!v.isTextual()) {
      add(errors, "string_type", "Input should be a valid string", v, "body", field);
      return null;
    }
    return v.asText();
  }

  static Integer integer(JsonNode body, String field, ArrayNode errors) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return null;
    if (v.isIntegralNumber() && v.canConvertToInt()) return v.asInt();
    if (v.isBoolean()) return v.asBoolean() ? 1 : 0;
    if (v.isFloatingPointNumber()) {
      double d = v.asDouble();
      if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) return (int) d;
      add(errors, "int_from_float", "Input should be a valid integer, got a number with a fractional part", v, "body", field);
      return null;
    }
    if (v.isTextual()) {
      try {
        return Integer.parseInt(v.asText().strip());
      } catch (NumberFormatException e) {
        add(errors, "int_parsing", "Input should be a valid integer, unable to parse string as an integer", v, "body", field);
        return null;
      }
    }
    add(errors, "int_type", "Input should be a valid integer", v, "body", field);
    return null;
  }

  private static boolean bool(JsonNode body, String field, boolean dflt, ArrayNode errors) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return dflt;
    if (v.isBoolean()) return v.asBoolean();
    if (v.isIntegralNumber() && (v.asLong() == 0 || v.asLong() == 1)) return v.asLong() == 1;
    if (v.isTextual()) {
      String s = v.asText().strip().toLowerCase(Locale.ROOT);
      if (TRUE.contains(s)) return true;
      if (FALSE.contains(s)) return false;
    }
    add(errors, "bool_parsing", "Input should be a valid boolean, unable to interpret input", v, "body", field);
    return dflt;
  }
}
