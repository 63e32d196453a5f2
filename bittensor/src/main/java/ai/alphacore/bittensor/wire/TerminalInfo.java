package ai.alphacore.bittensor.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * The SDK's {@code TerminalInfo} (both {@code synapse.dendrite} and {@code synapse.axon}), in
 * model_dump field order. Nulls are meaningful: only non-null fields become headers.
 */
public record TerminalInfo(
    Integer statusCode,
    String statusMessage,
    Double processTime,
    String ip,
    Integer port,
    Long version,
    Long nonce,
    String uuid,
    String hotkey,
    String signature) {

  public static final TerminalInfo EMPTY = new TerminalInfo(null, null, null, null, null, null, null, null, null, null);

  /** Field names in model_dump order. */
  public static final String[] FIELDS = {
    "status_code", "status_message", "process_time", "ip", "port", "version", "nonce", "uuid", "hotkey", "signature"
  };

  public ObjectNode toJson() {
    ObjectNode o = PyJson.MAPPER.createObjectNode();
    o.put("status_code", statusCode);
    o.put("status_message", statusMessage);
    if (processTime == null) o.putNull("process_time");
    else o.put("process_time", processTime);
    o.put("ip", ip);
    o.put("port", port);
    o.put("version", version);
    o.put("nonce", nonce);
    o.put("uuid", uuid);
    o.put("hotkey", hotkey);
    o.put("signature", signature);
    return o;
  }

  /** Lenient parse of a body object; wrong types are a {@link WireFormatException}. */
  public static TerminalInfo fromJson(JsonNode n) {
    if (n == null || n.isNull()) return EMPTY;
    if (!n.isObject()) throw new WireFormatException("terminal info must be an object");
    return new TerminalInfo(
        intOrNull(n.get("status_code"), "status_code"),
        strOrNull(n.get("status_message")),
        dblOrNull(n.get("process_time"), "process_time"),
        strOrNull(n.get("ip")),
        intOrNull(n.get("port"), "port"),
        longOrNull(n.get("version"), "version"),
        longOrNull(n.get("nonce"), "nonce"),
        strOrNull(n.get("uuid")),
        strOrNull(n.get("hotkey")),
        strOrNull(n.get("signature")));
  }

  /** Value for a header field, or null when the field has no value. */
  public String headerValue(String field) {
    Object v = switch (field) {
      case "status_code" -> statusCode;
      case "status_message" -> statusMessage;
      case "process_time" -> processTime == null ? null : PyJson.floatRepr(processTime);
      case "ip" -> ip;
      case "port" -> port;
      case "version" -> version;
      case "nonce" -> nonce;
      case "uuid" -> uuid;
      case "hotkey" -> hotkey;
      case "signature" -> signature;
      default -> null;
    };
    return v == null ? null : v.toString();
  }

  /** Parses header values (strings) into a TerminalInfo; bad numbers are a format error. */
  public static TerminalInfo fromHeaders(java.util.function.Function<String, String> get) {
    return new TerminalInfo(
        parseInt(get.apply("status_code"), "status_code"),
        get.apply("status_message"),
        parseDouble(get.apply("process_time"), "process_time"),
        get.apply("ip"),
        parseInt(get.apply("port"), "port"),
        parseLong(get.apply("version"), "version"),
        parseLong(get.apply("nonce"), "nonce"),
        get.apply("uuid"),
        get.apply("hotkey"),
        get.apply("signature"));
  }

  /** Overlay: non-null fields of {@code o} win. */
  public TerminalInfo overlay(TerminalInfo o) {
    return new TerminalInfo(
        o.statusCode != null ? o.statusCode : statusCode,
        o.statusMessage != null ? o.statusMessage : statusMessage,
        o.processTime != null ? o.processTime : processTime,
        o.ip != null ? o.ip : ip,
        o.port != null ? o.port : port,
        o.version != null ? o.version : version,
        o.nonce != null ? o.nonce : nonce,
        o.uuid != null ? o.uuid : uuid,
        o.hotkey != null ? o.hotkey : hotkey,
        o.signature != null ? o.signature : signature);
  }

  public TerminalInfo withStatus(int code, String message) {
    return new TerminalInfo(code, message, processTime, ip, port, version, nonce, uuid, hotkey, signature);
  }

  public TerminalInfo withProcessTime(double seconds) {
    return new TerminalInfo(statusCode, statusMessage, seconds, ip, port, version, nonce, uuid, hotkey, signature);
  }

  public TerminalInfo withIdentity(String ip, Integer port, Long version, Long nonce, String uuid, String hotkey) {
    return new TerminalInfo(statusCode, statusMessage, processTime, ip, port, version, nonce, uuid, hotkey, signature);
  }

  public TerminalInfo withSignature(String sig) {
    return new TerminalInfo(statusCode, statusMessage, processTime, ip, port, version, nonce, uuid, hotkey, sig);
  }

  private static String strOrNull(JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (!n.isValueNode()) throw new WireFormatException("expected a string, got " + n.getNodeType());
    return n.asText();
  }

  private static Integer intOrNull(JsonNode n, String f) {
    Long l = longOrNull(n, f);
    if (l == null) return null;
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) throw new WireFormatException(f + " out of range");
    return l.intValue();
  }

  private static Long longOrNull(JsonNode n, String f) {
    if (n == null || n.isNull()) return null;
    if (n.isIntegralNumber()) {
      BigInteger b = n.bigIntegerValue();
      if (b.bitLength() > 63) throw new WireFormatException(f + " out of range");
      return b.longValue();
    }
    if (n.isTextual()) return parseLong(n.asText(), f);
    if (n.isNumber() && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 9e18)
      return (long) n.doubleValue();
    throw new WireFormatException(f + " must be an integer");
  }

  private static Double dblOrNull(JsonNode n, String f) {
    if (n == null || n.isNull()) return null;
    if (n.isNumber()) return n.doubleValue();
    if (n.isTextual()) return parseDouble(n.asText(), f);
    throw new WireFormatException(f + " must be a number");
  }

  static Integer parseInt(String s, String f) {
    Long l = parseLong(s, f);
    if (l == null) return null;
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) throw new WireFormatException(f + " out of range");
    return l.intValue();
  }

  static Long parseLong(String s, String f) {
    if (s == null) return null;
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new WireFormatException("header " + f + " is not an integer");
    }
  }

  static Double parseDouble(String s, String f) {
    if (s == null) return null;
    try {
      double d = Double.parseDouble(s.trim());
      return d;
    } catch (NumberFormatException e) {
      throw new WireFormatException("header " + f + " is not a number");
    }
  }
}
