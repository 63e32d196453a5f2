package ai.alphacore.core.judge.strict;

import ai.alphacore.core.judge.FieldResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Locale;

/**
 * Firewall allow blocks as a set: each expected {@code allow.N} block needs its own actual block
 * with the protocol (case-insensitive) and every expected port, where a port range such as
 * {@code 80-90} covers the ports inside it.
 */
final class FirewallAllow {
  private FirewallAllow() {}

  static FieldResult check(List<? extends JsonNode> expected, JsonNode actual) {
    boolean ok = actual.isArray() && assign(expected, 0, actual, new boolean[actual.size()]);
    JsonNode exp = JsonNodeFactory.instance.arrayNode().addAll(expected.stream().map(JsonNode.class::cast).toList());
    return new FieldResult("values.allow", exp, actual, "exact_match", "ALLOW_BLOCKS", ok,
        ok ? null : "values.allow: expected blocks " + exp + " each matched by a distinct block, got " + actual);
  }

  private static boolean assign(List<? extends JsonNode> exp, int i, JsonNode act, boolean[] used) {
    if (i == exp.size()) return true;
    for (int j = 0; j < act.size(); j++) {
      if (used[j] || !covers(act.get(j), exp.get(i))) continue;
      used[j] = true;
      if (assign(exp, i + 1, act, used)) return true;
      used[j] = false;
    }
    return false;
  }

  private static boolean covers(JsonNode block, JsonNode want) {
    JsonNode proto = want.get("protocol");
    if (proto != null) {
      JsonNode have = block.get("protocol");
      if (have == null || !have.isTextual() || !proto.isTextual()
          || !have.textValue().toLowerCase(Locale.ROOT).equals(proto.textValue().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    JsonNode ports = want.get("ports");
    if (ports == null) return true;
    JsonNode have = block.get("ports");
    for (JsonNode p : ports) {
      if (have == null || !have.isArray() || !portCovered(p, have)) return false;
    }
    return true;
  }

  private static boolean portCovered(JsonNode p, JsonNode have) {
    int[] want = range(p.isTextual() ? p.textValue() : p.asText());
    if (want == null) return false;
    for (JsonNode h : have) {
      int[] r = range(h.isTextual() ? h.textValue() : h.asText());
      if (r != null && r[0] <= want[0] && want[1] <= r[1]) return true;
    }
    return false;
  }

  /** "22" -> [22,22]; "80-90" -> [80,90]; anything else -> null. */
  static int[] range(String s) {
    try {
      int dash = s.indexOf('-');
      if (dash < 0) {
        int v = Integer.parseInt(s.trim());
        return new int[] {v, v};
      }
      int lo = Integer.parseInt(s.substring(0, dash).trim());
      int hi = Integer.parseInt(s.substring(dash + 1).trim());
      return lo <= hi ? new int[] {lo, hi} : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
