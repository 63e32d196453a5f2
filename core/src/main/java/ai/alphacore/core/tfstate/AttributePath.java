package ai.alphacore.core.tfstate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Resolves a dotted invariant path ({@code values.network_interface.0.subnetwork}) against a
 * resource's attributes. The leading {@code values.} is optional and dropped once.
 */
public final class AttributePath {
  private AttributePath() {}

  /** The path without its leading {@code values.} prefix. */
  public static String strip(String path) {
    return path.startsWith("values.") ? path.substring("values.".length()) : path;
  }

  /**
   * Reference resolution: an all-digit part indexes an array only, so digit-only object keys
   * cannot be addressed and a missing path equals JSON null. Never returns Java null.
   */
  public static JsonNode resolve(JsonNode attributes, String path) {
    return resolve(attributes, path, false);
  }

  /**
   * @param digitKeysOnObjects when true (strict mode), an all-digit part that meets an object is
   *     looked up as a key, so a label named "0" can be addressed.
   */
  public static JsonNode resolve(JsonNode attributes, String path, boolean digitKeysOnObjects) {
    JsonNode cur = attributes;
    String rest = strip(path);
    int start = 0;
    while (true) {
      if (cur == null || cur.isNull() || cur.isMissingNode()) return NullNode.getInstance();
      int dot = rest.indexOf('.', start);
      String part = dot < 0 ? rest.substring(start) : rest.substring(start, dot);
      if (isDigits(part) && !(digitKeysOnObjects && cur.isObject())) {
        if (!cur.isArray()) return NullNode.getInstance();
        int idx = parseIndex(part);
        cur = (idx < 0 || idx >= cur.size()) ? null : cur.get(idx);
      } else if (cur.isObject()) {
        cur = cur.get(part);
      } else {
        return NullNode.getInstance();
      }
      if (dot < 0) return cur == null ? NullNode.getInstance() : cur;
      start = dot + 1;
    }
  }

  /** Python {@code str.isdigit()} for the decimal digits a JSON path can carry. */
  static boolean isDigits(String s) {
    if (s.isEmpty()) return false;
    for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
    return true;
  }

  private static int parseIndex(String digits) {
    long v = 0;
    for (int i = 0; i < digits.length(); i++) {
      v = v * 10 + Character.digit(digits.charAt(i), 10);
      if (v > Integer.MAX_VALUE) return -1;
    }
    return (int) v;
  }
}
