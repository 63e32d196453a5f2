package ai.alphacore.bittensor.wire;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON the way Python writes it: {@code json.dumps} defaults (", " / ": ", ASCII-only) for
 * dendrite requests, Starlette's compact raw-UTF-8 form for axon responses, and Python float
 * {@code repr}. Parsing accepts NaN/Infinity as Python emits them.
 */
public final class PyJson {
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    // Large base64 ZIPs travel in string fields; nesting stays shallow.
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE / 2).maxNestingDepth(200).build());
  }

  private PyJson() {}

  public static JsonNode parse(byte[] body) {
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null) throw new BittensorException(Code.SYNAPSE, "empty JSON body");
      return n;
    } catch (IOException e) {
      throw new BittensorException(Code.SYNAPSE, "body is not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  /** Python {@code json.dumps(obj)}. */
  public static String dumps(JsonNode n) {
    StringBuilder sb = new StringBuilder();
    write(sb, n, ", ", ": ", true);
    return sb.toString();
  }

  /** Starlette JSONResponse: {@code separators=(",", ":"), ensure_ascii=False}. */
  public static String compact(JsonNode n) {
    StringBuilder sb = new StringBuilder();
    write(sb, n, ",", ":", false);
    return sb.toString();
  }

  private static void write(StringBuilder sb, JsonNode n, String item, String kv, boolean ascii) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      sb.append("null");
    } else if (n.isObject()) {
      sb.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!first) sb.append(item);
        first = false;
        string(sb, e.getKey(), ascii);
        sb.append(kv);
        write(sb, e.getValue(), item, kv, ascii);
      }
      sb.append('}');
    } else if (n.isArray()) {
      sb.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) sb.append(item);
        write(sb, n.get(i), item, kv, ascii);
      }
      sb.append(']');
    } else if (n.isTextual()) {
      string(sb, n.asText(), ascii);
    } else if (n.isBoolean()) {
      sb.append(n.asBoolean() ? "true" : "false");
    } else if (n.isIntegralNumber()) {
      sb.append(n.bigIntegerValue().toString());
    } else if (n.isNumber()) {
      sb.append(floatRepr(n.doubleValue()));
    } else {
      sb.append(n.toString());
    }
  }

  private static void string(StringBuilder sb, String s, boolean ascii) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || (ascii && c > 0x7e)) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }

  /** Python {@code repr(float)}: shortest round-trip digits, fixed for 1e-4 <= |x| < 1e16. */
  public static String floatRepr(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String sign = bd.signum() < 0 ? "-" : "";
    String digits = bd.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - bd.scale(); // value = d.ddd × 10^exp
    if (exp >= -4 && exp < 16) {
      String plain = bd.abs().toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String e = String.format("%02d", Math.abs(exp));
    return sign + mant + "e" + (exp < 0 ? "-" : "+") + e;
  }

  /** Python {@code str()} of a JSON-ish value, for header values. */
  public static String pyStr(JsonNode n) {
    if (n == null || n.isNull()) return "None";
    if (n.isTextual()) return n.asText();
    if (n.isBoolean()) return n.asBoolean() ? "True" : "False";
    if (n.isIntegralNumber()) return n.bigIntegerValue().toString();
    if (n.isNumber()) {
      String r = floatRepr(n.doubleValue());
      return r.equals("NaN") ? "nan" : r.equals("Infinity") ? "inf" : r.equals("-Infinity") ? "-inf" : r;
    }
    return pyRepr(n);
  }

  /** Python {@code repr()} of lists/dicts/strings (single-quoted), as {@code str(list)} shows. */
  public static String pyRepr(JsonNode n) {
    if (n == null || n.isNull()) return "None";
    if (n.isTextual()) {
      String s = n.asText();
      boolean useDouble = s.contains("'") && !s.contains("\"");
      char q = useDouble ? '"' : '\'';
      StringBuilder sb = new StringBuilder().append(q);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == q || c == '\\') sb.append('\\').append(c);
        else if (c == '\n') sb.append("\\n");
        else if (c == '\r') sb.append("\\r");
        else if (c == '\t') sb.append("\\t");
        else if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
        else sb.append(c);
      }
      return sb.append(q).toString();
    }
    if (n.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < n.size(); i++) sb.append(i > 0 ? ", " : "").append(pyRepr(n.get(i)));
      return sb.append(']').toString();
    }
    if (n.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        sb.append(first ? "" : ", ").append(pyRepr(MAPPER.getNodeFactory().textNode(e.getKey()))).append(": ").append(pyRepr(e.getValue()));
        first = false;
      }
      return sb.append('}').toString();
    }
    return pyStr(n);
  }

  private static String firstLine(String s) {
    if (s == null) return "parse error";
    int i = s.indexOf('\n');
    String l = i < 0 ? s : s.substring(0, i);
    return l.length() > 200 ? l.substring(0, 200) : l;
  }

}
