package ai.alphacore.cloud.cloudsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One API request after routing and authentication. */
record Req(
    String method,
    String path,
    Map<String, String> params,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body,
    Access.Caller caller) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  String p(String name) {
    return params.get(name);
  }

  /** The first value of a query parameter, or null. */
  String q(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  boolean qFlag(String name) {
    return "true".equalsIgnoreCase(q(name));
  }

  /** The body as a JSON object; an empty body is {@code {}}. */
  ObjectNode json() {
    if (body.length == 0) return MAPPER.createObjectNode();
    JsonNode n;
    try {
      n = MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.invalid("Invalid JSON payload received. " + firstLine(e.getMessage()));
    }
    if (n == null || !n.isObject()) throw ApiException.invalid("Invalid JSON payload received. Expected an object.");
    return (ObjectNode) n;
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }
}
