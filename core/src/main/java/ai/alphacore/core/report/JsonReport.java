package ai.alphacore.core.report;

import ai.alphacore.core.judge.FieldResult;
import ai.alphacore.core.judge.InvariantResult;
import ai.alphacore.core.judge.Verdict;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The reference-compatible result ({@code status, score, passed_invariants, total_invariants,
 * msg}) plus {@code task_id}, {@code mode}, {@code outcome}, {@code error} and the per-invariant
 * {@code invariants} details. One compact JSON object per verdict, written by streaming.
 */
public final class JsonReport implements ReportWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  /** The report as a JSON tree, for callers that embed it in their own documents. */
  public static ObjectNode toJson(Verdict v) {
    try {
      return (ObjectNode) MAPPER.readTree(new JsonReport().write(v));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String write(Verdict v) {
    // Byte-oriented generation escapes faster than the char-based writer.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(v, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  public static void write(Verdict v, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("status", v.status());
    g.writeNumberField("score", v.score());
    g.writeNumberField("passed_invariants", v.passed());
    g.writeNumberField("total_invariants", v.total());
    if (v.msg() != null) g.writeStringField("msg", v.msg());
    g.writeStringField("task_id", v.taskId());
    g.writeStringField("mode", v.mode().wire());
    g.writeStringField("outcome", v.outcome().wire());
    if (v.error() != null) {
      g.writeObjectFieldStart("error");
      g.writeStringField("code", v.error().code().name());
      g.writeStringField("message", v.error().message());
      g.writeStringField("hint", v.error().hint());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("invariants");
    for (InvariantResult r : v.invariants()) invariant(r, g);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void invariant(InvariantResult r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("index", r.index() + 1);
    g.writeStringField("resource_type", r.resourceType());
    g.writeStringField("outcome", r.outcome().wire());
    g.writeBooleanField("passed", r.passed());
    g.writeStringField("candidate", r.candidate());
    g.writeNumberField("candidates_considered", r.candidatesConsidered());
    g.writeArrayFieldStart("fields");
    for (FieldResult f : r.fields()) {
      g.writeStartObject();
      g.writeStringField("path", f.path());
      node(g, "expected", f.expected());
      node(g, "actual", f.actual());
      g.writeStringField("rule", f.rule());
      g.writeStringField("comparator", f.comparator());
      g.writeBooleanField("passed", f.passed());
      if (f.message() != null) g.writeStringField("message", f.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("messages");
    for (String m : r.messages()) g.writeString(m);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void node(JsonGenerator g, String name, JsonNode n) throws IOException {
    g.writeFieldName(name);
    value(g, n);
  }

  /** Writes a tree directly: cheaper than databind's serializer lookup for these small values. */
  private static void value(JsonGenerator g, JsonNode n) throws IOException {
    if (n == null || n.isNull() || n.isMissingNode()) {
      g.writeNull();
    } else if (n.isTextual()) {
      g.writeString(n.textValue());
    } else if (n.isBoolean()) {
      g.writeBoolean(n.booleanValue());
    } else if (n.isIntegralNumber()) {
      if (n.canConvertToLong()) g.writeNumber(n.longValue());
      else g.writeNumber(n.bigIntegerValue());
    } else if (n.isNumber()) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) g.writeNumber(d);
      else g.writeString(Double.toString(d)); // JSON has no NaN/Infinity literals
    } else if (n.isArray()) {
      g.writeStartArray();
      for (JsonNode e : n) value(g, e);
      g.writeEndArray();
    } else if (n.isObject()) {
      g.writeStartObject();
      for (var it = n.fields(); it.hasNext(); ) {
        var e = it.next();
        g.writeFieldName(e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      g.writeString(n.asText());
    }
  }
}
