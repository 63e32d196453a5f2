package ai.alphacore.core.judge.compat;

import static ai.alphacore.core.judge.compat.PyValues.lastSegment;
import static ai.alphacore.core.judge.compat.PyValues.lower;
import static ai.alphacore.core.judge.compat.PyValues.str;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The reference judge's comparison primitives (validation.md 2.3), quirks included on purpose:
 * each quirk is named where it happens. Strict mode uses {@code judge.strict} instead.
 */
public final class CompatComparators {
  private CompatComparators() {}

  public static final String STARTS_WITH = "starts_with";
  public static final String ENDS_WITH = "ends_with";

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }

  /** CI: case-insensitive equality of str() values; false when either side is null. */
  public static boolean ci(JsonNode a, JsonNode e) {
    String as = str(a);
    String es = str(e);
    return as != null && es != null && lower(as).equals(lower(es));
  }

  /**
   * REF: reference matching. Quirks: the project part of a path is ignored (last segments equal
   * case-insensitively), and "/E" matching anywhere in A (or "/A" anywhere in E) counts.
   */
  public static boolean ref(JsonNode a, JsonNode e) {
    String as = str(a);
    String es = str(e);
    if (empty(as) || empty(es)) return PyValues.eq(a, e);
    int ph = es.indexOf("{project_id}");
    if (ph >= 0) {
      return as.startsWith(es.substring(0, ph)) && as.endsWith(es.substring(ph + "{project_id}".length()));
    }
    if (as.equals(es)) return true;
    String ab = lastSegment(as);
    String eb = lastSegment(es);
    if (!ab.isEmpty() && !eb.isEmpty() && lower(ab).equals(lower(eb))) return true;
    // QUIRK ref-substring: "/E" anywhere in A, e.g. .../my-topic-other matches my-topic.
    if (as.contains("/" + es)) return true;
    // QUIRK ref-reverse: "/A" anywhere in E, e.g. a one-letter "f" matches projects/foo/...
    return es.contains("/" + as);
  }

  /** NAME: name matching without a rule. QUIRK name-implicit-prefix: a longer actual passes. */
  public static boolean name(JsonNode a, JsonNode e) {
    String as = PyValues.strOrEmpty(a);
    String es = PyValues.strOrEmpty(e);
    if (as.isEmpty() && es.isEmpty()) return true;
    if (as.equals(es) || lower(as).equals(lower(es))) return true;
    if (!es.isEmpty() && es.length() < as.length() && as.startsWith(es)) return true;
    String ab = lastSegment(as);
    String eb = lastSegment(es);
    if (!ab.isEmpty() && !es.isEmpty() && segmentMatches(ab, es)) return true;
    if (!ab.isEmpty() && !eb.isEmpty() && segmentMatches(ab, eb)) return true;
    return ref(TextNode.valueOf(as), TextNode.valueOf(es));
  }

  private static boolean segmentMatches(String ab, String e) {
    return ab.equals(e) || lower(ab).equals(lower(e)) || (e.length() < ab.length() && ab.startsWith(e));
  }

  /**
   * RULE: apply a comparison rule. QUIRK rule-strictly-longer: starts_with/ends_with fail on
   * equal strings. QUIRK exact-is-loose: exact_match (and any unknown rule) is case-insensitive
   * and path-tolerant via REF, and compares str() forms, so 1000 != 1000.0 but true == "true".
   */
  public static boolean rule(JsonNode a, JsonNode e, String rule) {
    String as = str(a);
    String es = str(e);
    if (empty(as) || empty(es)) return PyValues.eq(a, e);
    if (STARTS_WITH.equals(rule)) {
      if (as.startsWith(es) && as.length() > es.length()) return true;
      String ab = lastSegment(as);
      if (!ab.isEmpty() && !ab.equals(as)) return ab.startsWith(es) && ab.length() > es.length();
      return false;
    }
    if (ENDS_WITH.equals(rule)) {
      if (as.endsWith(es) && as.length() > es.length()) return true;
      String ab = lastSegment(as);
      if (!ab.isEmpty() && !ab.equals(as)) return ab.endsWith(es) && ab.length() > es.length();
      return false;
    }
    return as.equals(es) || ci(a, e) || ref(a, e);
  }

  /** SUBSTR_CI: expected (lower-cased) is a substring of actual; an empty expected fails. */
  public static boolean substrCi(JsonNode a, JsonNode e) {
    String as = lower(PyValues.strOrEmpty(a));
    String es = lower(PyValues.strOrEmpty(e));
    return !es.isEmpty() && as.contains(es);
  }

  /** SCRIPT: startup-script normalisation (line endings, trailing blanks), then STRICT. */
  public static boolean script(JsonNode a, JsonNode e) {
    return PyValues.eq(normaliseScript(a), normaliseScript(e));
  }

  static JsonNode normaliseScript(JsonNode n) {
    if (n == null || !n.isTextual()) return n == null ? NullNode.getInstance() : n;
    String s = n.textValue().replace("\r\n", "\n").replace('\r', '\n');
    String[] lines = s.split("\n", -1);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) sb.append('\n');
      sb.append(rstrip(lines[i]));
    }
    return TextNode.valueOf(rstrip(sb.toString()));
  }

  /** Python {@code str.rstrip()}: strips Unicode whitespace from the right. */
  static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isPyWhitespace(s.charAt(end - 1))) end--;
    return s.substring(0, end);
  }

  private static boolean isPyWhitespace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u001c' || c == '\u001d'
        || c == '\u001e' || c == '\u001f' || c == '\u0085';
  }
}
