package ai.alphacore.core.judge.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python value semantics over decoded JSON, as the reference judge applies them: {@code str()},
 * {@code repr()}, {@code ==} and truthiness. Compat mode only; strict mode compares typed values.
 */
public final class PyValues {
  private PyValues() {}

  /** Python {@code str(x)}; {@code null} for JSON null or a missing value ("absent"). */
  public static String str(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return null;
    if (n.isTextual()) return n.textValue();
    return repr(n);
  }

  /** {@code str(x) or ""}: the reference's idiom for "string, empty when absent". */
  public static String strOrEmpty(JsonNode n) {
    String s = str(n);
    return s == null ? "" : s;
  }

  /** Python {@code repr(x)} of a decoded JSON value. */
  public static String repr(JsonNode n) {
    StringBuilder sb = new StringBuilder();
    repr(n, sb);
    return sb.toString();
  }

  private static void repr(JsonNode n, StringBuilder sb) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      sb.append("None");
    } else if (n.isBoolean()) {
      sb.append(n.booleanValue() ? "True" : "False");
    } else if (n.isIntegralNumber()) {
      sb.append(n.bigIntegerValue().toString());
    } else if (n.isNumber()) {
      sb.append(floatRepr(n.doubleValue()));
    } else if (n.isTextual()) {
      stringRepr(n.textValue(), sb);
    } else if (n.isArray()) {
      sb.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) sb.append(", ");
        repr(n.get(i), sb);
      }
      sb.append(']');
    } else if (n.isObject()) {
      sb.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!first) sb.append(", ");
        first = false;
        stringRepr(e.getKey(), sb);
        sb.append(": ");
        repr(e.getValue(), sb);
      }
      sb.append('}');
    } else {
      sb.append(n.asText());
    }
  }

  /** Python's shortest round-trip float repr: {@code 1e+16}, {@code 1000.0}, {@code 1e-07}. */
  public static String floatRepr(double d) {
    if (Double.isNaN(d)) return "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
    // Double.toString gives the shortest digits that round-trip (JDK 19+); reformat them.
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int decpt = digits.length() - bd.scale(); // value = 0.DIGITS x 10^decpt
    StringBuilder sb = new StringBuilder();
    if (d < 0) sb.append('-');
    if (decpt > 16 || decpt < -3) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
      int exp = decpt - 1;
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) sb.append('0');
      sb.append(a);
    } else if (decpt <= 0) {
      sb.append("0.").append("0".repeat(-decpt)).append(digits);
    } else if (decpt >= digits.length()) {
      sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
    } else {
      sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
    }
    return sb.toString();
  }

  private static void stringRepr(String s, StringBuilder sb) {
    char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
    sb.append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') sb.append('\\').appendCodePoint(cp);
      else if (cp == '\n') sb.append("\\n");
      else if (cp == '\r') sb.append("\\r");
      else if (cp == '\t') sb.append("\\t");
      else if (isPrintable(cp)) sb.appendCodePoint(cp);
      else if (cp < 0x100) sb.append(String.format("\\x%02x", cp));
      else if (cp < 0x10000) sb.append(String.format("\\u%04x", cp));
      else sb.append(String.format("\\U%08x", cp));
    }
    sb.append(quote);
  }

  /** Approximates Python's str.isprintable: not a control, format, separator or unassigned char. */
  private static boolean isPrintable(int cp) {
    if (cp == ' ') return true;
    switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> {
        return false;
      }
      default -> {
        return true;
      }
    }
  }

  /** Python {@code ==} on decoded JSON ("STRICT" in the spec): bools are ints, 1 == 1.0. */
  public static boolean eq(JsonNode a, JsonNode b) {
    boolean an = a == null || a.isNull() || a.isMissingNode();
    boolean bn = b == null || b.isNull() || b.isMissingNode();
    if (an || bn) return an && bn;
    if (isNumeric(a) && isNumeric(b)) return numEq(a, b);
    if (a.isTextual() && b.isTextual()) return a.textValue().equals(b.textValue());
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) return false;
      for (int i = 0; i < a.size(); i++) if (!eq(a.get(i), b.get(i))) return false;
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) return false;
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode other = b.get(e.getKey());
        if (other == null || !eq(e.getValue(), other)) return false;
      }
      return true;
    }
    return false;
  }

  private static boolean isNumeric(JsonNode n) {
    return n.isNumber() || n.isBoolean();
  }

  private static boolean numEq(JsonNode a, JsonNode b) {
    BigDecimal x = exact(a);
    BigDecimal y = exact(b);
    return x != null && y != null && x.compareTo(y) == 0;
  }

  /** Exact value of a numeric node; null for NaN/Infinity (Python: never equal to anything finite). */
  private static BigDecimal exact(JsonNode n) {
    if (n.isBoolean()) return n.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
    if (n.isIntegralNumber()) return new BigDecimal(n.bigIntegerValue());
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) return infinityKey(d, n);
    return new BigDecimal(d);
  }

  // inf == inf is True in Python; represent each infinity by a sentinel far outside the double range.
  private static final BigDecimal POS_INF = new BigDecimal(BigInteger.TEN.pow(400));
  private static final BigDecimal NEG_INF = POS_INF.negate();

  private static BigDecimal infinityKey(double d, JsonNode n) {
    if (Double.isNaN(d)) return null;
    return d > 0 ? POS_INF : NEG_INF;
  }

  /**
   * {@code for x in (value or [])}: a list's elements, an object's keys, a string's characters;
   * nothing for a falsy value; a number or boolean is not iterable (the reference raises).
   */
  static List<JsonNode> iterateOrEmpty(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (!truthy(n)) return out;
    if (n.isArray()) n.forEach(out::add);
    else if (n.isObject()) n.fieldNames().forEachRemaining(k -> out.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(k)));
    else if (n.isTextual()) n.textValue().codePoints().forEach(c -> out.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(Character.toString(c))));
    else throw new CompatCrash("'" + CompatChecks.pyType(n) + "' object is not iterable");
    return out;
  }

  /**
   * {@code base64.b64decode(s, validate=True)} of Python 3.11: the alphabet and padding rules
   * it enforces, or null where it raises.
   */
  static byte[] b64decodeValidated(String s) {
    if (!s.matches("[A-Za-z0-9+/]*={0,2}")) return null;
    int pads = s.length() - s.replaceAll("=+$", "").length();
    String data = s.substring(0, s.length() - pads);
    int rest = data.length() % 4;
    boolean ok = switch (rest) {
      case 0 -> pads == 0 || !data.isEmpty();
      case 2 -> pads == 2;
      case 3 -> pads == 1;
      default -> false;
    };
    if (!ok) return null;
    String padded = data + "==".substring(0, (4 - rest) % 4);
    try {
      return java.util.Base64.getDecoder().decode(padded);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Python truthiness: null, false, 0, "", [] and {} are false; the string "false" is true. */
  public static boolean truthy(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return false;
    if (n.isBoolean()) return n.booleanValue();
    if (n.isIntegralNumber()) return n.bigIntegerValue().signum() != 0;
    if (n.isNumber()) return n.doubleValue() != 0.0;
    if (n.isTextual()) return !n.textValue().isEmpty();
    if (n.isContainerNode()) return n.size() > 0;
    return true;
  }

  /** Python {@code str.lower()} (full Unicode case mapping, locale-independent). */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** {@code s.rstrip("/").split("/")[-1]}: the last path segment. */
  public static String lastSegment(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') end--;
    int start = s.lastIndexOf('/', end - 1);
    return s.substring(start + 1, end);
  }

  /** Python's sort order for str: by code point, not by UTF-16 unit. */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) return Integer.compare(ca, cb);
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Sorted {@code str()} of each element, wrapping a scalar as a one-element list. */
  public static List<String> sortedStrings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      for (JsonNode e : n) out.add(e == null || e.isNull() ? "None" : str(e));
    } else {
      out.add(n == null || n.isNull() || n.isMissingNode() ? "None" : str(n));
    }
    out.sort(PyValues::compareCodePoints);
    return out;
  }
}
