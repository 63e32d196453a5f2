package ai.alphacore.neurons.miner.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Literals as prompts write them: "double quoted", 'single quoted' (values holding double
 * quotes), bare integers and booleans, and JSON-style lists {@code ["a", "b"]}.
 */
final class Literals {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Literals() {}

  /** A literal found in a text: its value and where it starts and ends (exclusive). */
  record Found(JsonNode value, int start, int end) {}

  /** The first quoted or list literal at or after {@code from}, or null. */
  static Found firstQuoted(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'' && quoteStartsValue(s, i)) {
        int end = closing(s, i, c);
        if (end < 0) continue;
        String body = s.substring(i + 1, end);
        return new Found(F.textNode(c == '"' ? body.replace("\\\"", "\"") : body), i, end + 1);
      }
      if (c == '[') {
        int end = closingBracket(s, i);
        if (end < 0) continue;
        JsonNode list = list(s.substring(i, end + 1));
        if (list != null) return new Found(list, i, end + 1);
      }
    }
    return null;
  }

  /** A single quote opens a value only at a word boundary (not the apostrophe of "miner's"). */
  private static boolean quoteStartsValue(String s, int i) {
    return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
  }

  /** Longest quoted literal read: values are short, and a bound keeps hostile text linear. */
  static final int MAX_LITERAL = 1024;

  private static int closing(String s, int open, char q) {
    int limit = Math.min(s.length(), open + 2 + MAX_LITERAL);
    for (int j = open + 1; j < limit; j++) {
      char c = s.charAt(j);
      if (c == '\\' && q == '"' && j + 1 < s.length() && s.charAt(j + 1) == '"') {
        j++;
        continue;
      }
      if (c == '\n') return -1;
      if (c == q && (q == '"' || j + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(j + 1)))) return j;
    }
    return -1;
  }

  private static int closingBracket(String s, int open) {
    boolean inQuote = false;
    int limit = Math.min(s.length(), open + 2 + MAX_LITERAL);
    for (int j = open + 1; j < limit; j++) {
      char c = s.charAt(j);
      if (c == '\\' && inQuote) {
        j++;
      } else if (c == '"') {
        inQuote = !inQuote;
      } else if (c == ']' && !inQuote) {
        return j;
      } else if (c == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /** A JSON list of scalars; bare words are taken as strings. Null when it is no list. */
  static JsonNode list(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      if (n != null && n.isArray()) return n;
    } catch (java.io.IOException e) {
      // not JSON: split by commas below
    }
    String inner = text.substring(1, text.length() - 1).trim();
    if (inner.isEmpty()) return F.arrayNode();
    ArrayNode out = F.arrayNode();
    for (String part : inner.split(",")) {
      String p = part.trim();
      if (p.length() >= 2 && (p.startsWith("'") && p.endsWith("'") || p.startsWith("\"") && p.endsWith("\""))) p = p.substring(1, p.length() - 1);
      if (p.isEmpty()) return null;
      out.add(p);
    }
    return out;
  }

  /** A bare integer or boolean (the whole trimmed text), or null. */
  static JsonNode bare(String text) {
    String t = text.trim();
    if (t.equals("true") || t.equals("false")) return F.booleanNode(t.equals("true"));
    if (t.matches("-?\\d{1,18}")) {
      long v = Long.parseLong(t);
      return v == (int) v ? F.numberNode((int) v) : F.numberNode(v);
    }
    return null;
  }
}
