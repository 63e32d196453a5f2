package ai.alphacore.core.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Small builders for tasks and states in tests. JSON is written with single quotes for brevity. */
public final class Fixtures {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  public static JsonNode json(String singleQuoted) {
    try {
      return JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  /** A task with one invariant. */
  public static JsonNode task(String type, String match, String rules) {
    ObjectNode inv = JSON.createObjectNode();
    inv.put("resource_type", type);
    inv.set("match", json(match));
    if (rules != null) inv.set("comparison_rule", json(rules));
    ObjectNode t = JSON.createObjectNode();
    t.put("task_id", "t-1");
    t.putArray("invariants").add(inv);
    return t;
  }

  /** A version-4 state with one managed instance per {type, attributes} pair. */
  public static byte[] state(Object... typeAndAttrs) {
    ObjectNode s = JSON.createObjectNode();
    s.put("version", 4);
    ArrayNode res = s.putArray("resources");
    for (int i = 0; i < typeAndAttrs.length; i += 2) {
      ObjectNode r = res.addObject();
      r.put("mode", "managed");
      r.put("type", (String) typeAndAttrs[i]);
      r.put("name", "r" + i);
      r.putArray("instances").addObject().set("attributes", json((String) typeAndAttrs[i + 1]));
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static Verdict judge(JudgeMode mode, JsonNode task, byte[] state) {
    return Judge.of(mode).judge(task, StateSource.of(state));
  }

  public static double score(JudgeMode mode, JsonNode task, byte[] state) {
    return judge(mode, task, state).score();
  }
}
