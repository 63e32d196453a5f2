package ai.alphacore.bittensor.wire;

import ai.alphacore.bittensor.crypto.Hashes;
import ai.alphacore.bittensor.crypto.Hex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One synapse message: the SDK base fields, the class's fields and any extras, in pydantic
 * {@code model_dump} order. Mutable, like the Python object it mirrors; not thread-safe.
 */
public final class Synapse {
  static final Set<String> BASE_FIELDS =
      Set.of("name", "timeout", "total_size", "header_size", "dendrite", "axon", "computed_body_hash");
  public static final String EMPTY_BODY_HASH = Hex.encode(Hashes.sha3_256(new byte[0]));

  private final SynapseSpec spec;
  private JsonNode timeout = DoubleNode.valueOf(12.0);
  private long totalSize;
  private long headerSize;
  private TerminalInfo dendrite = TerminalInfo.EMPTY;
  private TerminalInfo axon = TerminalInfo.EMPTY;
  private String computedBodyHash = "";
  private final ObjectNode fields;

  public Synapse(SynapseSpec spec) {
    this.spec = spec;
    this.fields = spec.defaults();
  }

  public SynapseSpec spec() {
    return spec;
  }

  public String name() {
    return spec.name();
  }

  public double timeoutSeconds() {
    return timeout.asDouble();
  }

  /** Keeps int vs float as given: the Python dendrite sends {@code 90} for an int timeout. */
  public JsonNode timeoutNode() {
    return timeout;
  }

  public Synapse timeout(double seconds) {
    timeout = DoubleNode.valueOf(seconds);
    return this;
  }

  public Synapse timeout(long seconds) {
    timeout = LongNode.valueOf(seconds);
    return this;
  }

  Synapse timeoutNode(JsonNode n) {
    timeout = n;
    return this;
  }

  public long totalSize() {
    return totalSize;
  }

  public Synapse totalSize(long v) {
    totalSize = v;
    return this;
  }

  public long headerSize() {
    return headerSize;
  }

  public Synapse headerSize(long v) {
    headerSize = v;
    return this;
  }

  public TerminalInfo dendrite() {
    return dendrite;
  }

  public Synapse dendrite(TerminalInfo t) {
    dendrite = t == null ? TerminalInfo.EMPTY : t;
    return this;
  }

  public TerminalInfo axon() {
    return axon;
  }

  public Synapse axon(TerminalInfo t) {
    axon = t == null ? TerminalInfo.EMPTY : t;
    return this;
  }

  /** The body field {@code computed_body_hash} (the SDK leaves it "" in bodies). */
  public String computedBodyHashField() {
    return computedBodyHash;
  }

  public Synapse computedBodyHashField(String v) {
    computedBodyHash = v == null ? "" : v;
    return this;
  }

  /** Class fields and extras (live view; mutate to set values). */
  public ObjectNode fields() {
    return fields;
  }

  public JsonNode get(String field) {
    return fields.get(field);
  }

  public Synapse set(String field, JsonNode value) {
    if (BASE_FIELDS.contains(field)) throw new IllegalArgumentException(field + " is a base field");
    fields.set(field, value == null ? JsonNodeFactory.instance.nullNode() : value);
    return this;
  }

  public Synapse set(String field, String value) {
    return set(field, value == null ? null : JsonNodeFactory.instance.textNode(value));
  }

  public boolean isSuccess() {
    return dendrite.statusCode() != null && dendrite.statusCode() == 200;
  }

  /** model_dump(): every field, base first, then class fields and extras. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", spec.name());
    o.set("timeout", timeout);
    o.put("total_size", totalSize);
    o.put("header_size", headerSize);
    o.set("dendrite", dendrite.toJson());
    o.set("axon", axon.toJson());
    o.put("computed_body_hash", computedBodyHash);
    o.setAll(fields.deepCopy());
    return o;
  }

  /** Fills this synapse from a parsed body (the class's fields must all be present if required). */
  public static Synapse fromJson(SynapseSpec spec, JsonNode n, boolean requireRequired) {
    if (n == null || !n.isObject()) throw new WireFormatException("synapse body must be a JSON object");
    Synapse s = new Synapse(spec);
    JsonNode t = n.get("timeout");
    if (t != null && !t.isNull()) {
      if (!t.isNumber()) throw new WireFormatException("timeout must be a number");
      s.timeout = t;
    }
    s.totalSize = longField(n, "total_size");
    s.headerSize = longField(n, "header_size");
    s.dendrite = TerminalInfo.fromJson(n.get("dendrite"));
    s.axon = TerminalInfo.fromJson(n.get("axon"));
    JsonNode h = n.get("computed_body_hash");
    s.computedBodyHash = h == null || h.isNull() ? "" : h.asText();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!BASE_FIELDS.contains(e.getKey())) s.fields.set(e.getKey(), e.getValue());
    }
    if (requireRequired)
      for (SynapseSpec.Field f : spec.requiredFields())
        if (!n.has(f.name())) throw new WireFormatException("required field " + f.name() + " is missing");
    return s;
  }

  private static long longField(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) return 0;
    if (!v.isIntegralNumber() || !v.canConvertToLong()) throw new WireFormatException(f + " must be an integer");
    return v.asLong();
  }

  /** protocol.md B1.4 body hash (SHA3-256 of "" when the class has no hash fields). */
  public String bodyHash() {
    StringBuilder concat = new StringBuilder();
    for (String f : spec.requiredHashFields()) {
      JsonNode v = f.equals("timeout") ? timeout : toJson().get(f);
      concat.append(Hex.encode(Hashes.sha3_256(PyJson.pyStr(v).getBytes(StandardCharsets.UTF_8))));
    }
    return Hex.encode(Hashes.sha3_256(concat.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** The dendrite's signed message: {@code nonce.dendrite_hotkey.axon_hotkey.uuid.body_hash}. */
  public static String signedMessage(long nonce, String dendriteHotkey, String axonHotkey, String uuid, String bodyHash) {
    return nonce + "." + dendriteHotkey + "." + axonHotkey + "." + uuid + "." + bodyHash;
  }

  /** {@code Synapse.to_headers()} in the SDK's order. */
  public List<Map.Entry<String, String>> toHeaders() {
    return toHeaders(headerSize);
  }

  /** As {@link #toHeaders()}, with the {@code header_size} header value given (the body keeps its own). */
  public List<Map.Entry<String, String>> toHeaders(long headerSizeHeader) {
    List<Map.Entry<String, String>> h = new ArrayList<>();
    h.add(new SimpleImmutableEntry<>("name", spec.name()));
    h.add(new SimpleImmutableEntry<>("timeout", PyJson.pyStr(timeout)));
    for (String f : TerminalInfo.FIELDS) {
      String v = axon.headerValue(f);
      if (v != null) h.add(new SimpleImmutableEntry<>("bt_header_axon_" + f, v));
    }
    for (String f : TerminalInfo.FIELDS) {
      String v = dendrite.headerValue(f);
      if (v != null) h.add(new SimpleImmutableEntry<>("bt_header_dendrite_" + f, v));
    }
    for (SynapseSpec.Field f : spec.requiredFields())
      h.add(new SimpleImmutableEntry<>("bt_header_input_obj_" + f.name(),
          Base64.getEncoder().encodeToString(f.type().emptyJson.getBytes(StandardCharsets.UTF_8))));
    h.add(new SimpleImmutableEntry<>("header_size", Long.toString(headerSizeHeader)));
    h.add(new SimpleImmutableEntry<>("total_size", Long.toString(totalSize)));
    h.add(new SimpleImmutableEntry<>("computed_body_hash", bodyHash()));
    return h;
  }

  @Override
  public String toString() {
    return "Synapse[" + spec.name() + ", dendrite=" + dendrite.statusCode() + "]";
  }
}
