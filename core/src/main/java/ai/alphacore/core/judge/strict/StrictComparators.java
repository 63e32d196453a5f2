package ai.alphacore.core.judge.strict;

import ai.alphacore.core.task.ComparisonRule;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Typed comparisons of strict mode: no str() coercion, no substring matches, rules always honoured. */
final class StrictComparators {
  private StrictComparators() {}

  static boolean isAbsent(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode();
  }

  /** Typed equality: null only equals absent, numbers by value, bools only bools. */
  static boolean typedEq(JsonNode a, JsonNode e) {
    if (isAbsent(a) || isAbsent(e)) return isAbsent(a) && isAbsent(e);
    if (a.isNumber() && e.isNumber()) return numberValue(a).compareTo(numberValue(e)) == 0;
    if (a.isBoolean() && e.isBoolean()) return a.booleanValue() == e.booleanValue();
    if (a.isTextual() && e.isTextual()) return a.textValue().equals(e.textValue());
    if (a.isArray() && e.isArray()) {
      if (a.size() != e.size()) return false;
      for (int i = 0; i < a.size(); i++) if (!typedEq(a.get(i), e.get(i))) return false;
      return true;
    }
    if (a.isObject() && e.isObject()) {
      if (a.size() != e.size()) return false;
      for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!typedEq(a.get(f.getKey()), f.getValue())) return false;
      }
      return true;
    }
    return false;
  }

  private static BigDecimal numberValue(JsonNode n) {
    if (n.isIntegralNumber()) return new BigDecimal(n.bigIntegerValue());
    double d = n.doubleValue();
    return Double.isFinite(d) ? new BigDecimal(d) : BigDecimal.valueOf(Double.MAX_VALUE).multiply(BigDecimal.valueOf(Math.signum(d) * 10));
  }

  /** A string rule applied exactly: equal strings satisfy starts_with and ends_with too. */
  static boolean applyRule(String actual, String expected, ComparisonRule rule) {
    return switch (rule) {
      case EXACT_MATCH -> actual.equals(expected);
      case STARTS_WITH -> actual.startsWith(expected);
      case ENDS_WITH -> actual.endsWith(expected);
    };
  }

  static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.textValue() : null;
  }

  static String lastSegment(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') end--;
    return s.substring(s.lastIndexOf('/', end - 1) + 1, end);
  }

  /**
   * A reference: with a plain expected name, the rule applies to the last segment of the actual
   * self-link, path or name; an expected path must match the actual's trailing segments exactly,
   * with {@code {project_id}} standing for one segment.
   */
  static boolean reference(JsonNode a, JsonNode e, ComparisonRule rule) {
    String as = text(a);
    String es = text(e);
    if (as == null || es == null) return typedEq(a, e);
    if (es.contains("/")) {
      // Leading segments must match exactly ({project_id} = any one segment); the rule applies to the last.
      String last = lastSegment(es);
      String head = es.substring(0, es.length() - last.length());
      while (head.endsWith("/")) head = head.substring(0, head.length() - 1);
      String[] parts = head.split("\\{project_id\\}", -1);
      StringBuilder re = new StringBuilder("(?:^|.*/)");
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) re.append("[^/]+");
        re.append(Pattern.quote(parts[i]));
      }
      String actualLast = lastSegment(as);
      String actualHead = as.substring(0, as.length() - actualLast.length());
      while (actualHead.endsWith("/")) actualHead = actualHead.substring(0, actualHead.length() - 1);
      return Pattern.compile(re.toString()).matcher(actualHead).matches() && applyRule(actualLast, last, rule);
    }
    return applyRule(lastSegment(as), es, rule);
  }

  /** Service account id: identity is the account id, the local part of the email. */
  static boolean serviceAccountRef(JsonNode a, JsonNode e, ComparisonRule rule) {
    String as = text(a);
    String es = text(e);
    if (as == null || es == null) return typedEq(a, e);
    String seg = lastSegment(as);
    int at = seg.indexOf('@');
    String id = at >= 0 ? seg.substring(0, at) : seg;
    String want = es.contains("@") ? es.substring(0, es.indexOf('@')) : lastSegment(es);
    return applyRule(id, want, rule);
  }

  static boolean enumCi(JsonNode a, JsonNode e) {
    String as = text(a);
    String es = text(e);
    if (as == null || es == null) return typedEq(a, e);
    return as.toLowerCase(Locale.ROOT).equals(es.toLowerCase(Locale.ROOT));
  }

  static boolean machineType(JsonNode a, JsonNode e) {
    String as = text(a);
    String es = text(e);
    if (as == null || es == null) return typedEq(a, e);
    return lastSegment(as).equalsIgnoreCase(lastSegment(es));
  }

  static String normaliseScript(String s) {
    String[] lines = s.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) sb.append('\n');
      sb.append(lines[i].stripTrailing());
    }
    return sb.toString().stripTrailing();
  }

  static boolean script(JsonNode a, JsonNode e) {
    String as = text(a);
    String es = text(e);
    if (as == null || es == null) return typedEq(a, e);
    return normaliseScript(as).equals(normaliseScript(es));
  }

  static String dnsName(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.endsWith(".") ? l.substring(0, l.length() - 1) : l;
  }

  static boolean dnsName(JsonNode a, JsonNode e, ComparisonRule rule) {
    String as = text(a);
    String es = text(e);
    if (as == null || es == null) return typedEq(a, e);
    return applyRule(dnsName(as), dnsName(es), rule);
  }

  /** TXT data is stored quoted ("hello"); the quotes are syntax, not content. */
  private static String rrdata(JsonNode n) {
    String s = n.isTextual() ? n.textValue() : n.toString();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
    return s.toLowerCase(Locale.ROOT).endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static boolean rrdatas(JsonNode a, JsonNode e) {
    List<String> as = new ArrayList<>();
    List<String> es = new ArrayList<>();
    if (isAbsent(a) || isAbsent(e)) return isAbsent(a) && isAbsent(e);
    (a.isArray() ? a : List.of(a)).forEach(x -> as.add(rrdata(x)));
    (e.isArray() ? e : List.of(e)).forEach(x -> es.add(rrdata(x)));
    as.sort(null);
    es.sort(null);
    return as.equals(es);
  }

  static boolean member(JsonNode a, JsonNode e) {
    String as = text(a);
    String es = text(e);
    if (as == null || es == null || es.isEmpty()) return false;
    return as.toLowerCase(Locale.ROOT).equals(es.toLowerCase(Locale.ROOT));
  }

  static boolean secretData(JsonNode a, JsonNode e) {
    String as = text(a);
    String es = text(e);
    if (as == null || es == null) return typedEq(a, e);
    if (as.equals(es)) return true;
    if (as.length() % 4 != 0 || !as.matches("[A-Za-z0-9+/]*={0,2}")) return false;
    try {
      byte[] raw = Base64.getDecoder().decode(as);
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString().equals(es);
    } catch (IllegalArgumentException | CharacterCodingException x) {
      return false;
    }
  }

  static String md5Base64(String s) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException x) {
      throw new IllegalStateException(x);
    }
  }

  static boolean boolDefaultFalse(JsonNode a, JsonNode e) {
    if (!e.isBoolean()) return typedEq(a, e);
    boolean av = !isAbsent(a) && a.isBoolean() && a.booleanValue();
    if (!isAbsent(a) && !a.isBoolean()) return false;
    return av == e.booleanValue();
  }
}
