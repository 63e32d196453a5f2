package ai.alphacore.core.report;

import ai.alphacore.core.judge.FieldResult;
import ai.alphacore.core.judge.InvariantResult;
import ai.alphacore.core.judge.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reference-compatible result ({@code status, score, passed_invariants, total_invariants,
 * msg}) plus {@code outcome}, {@code error} and the per-invariant {@code invariants} details.
 */
public final class JsonReport implements ReportWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static ObjectNode toJson(Verdict v) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("status", v.status());
    o.put("score", v.score());
    o.put("passed_invariants", v.passed());
    o.put("total_invariants", v.total());
    if (v.msg() != null) o.put("msg", v.msg());
    o.put("task_id", v.taskId());
    o.put("mode", v.mode().wire());
    o.put("outcome", v.outcome().wire());
    if (v.error() != null) {
      ObjectNode e = o.putObject("error");
      e.put("code", v.error().code().name());
      e.put("message", v.error().message());
      e.put("hint", v.error().hint());
    }
    var arr = o.putArray("invariants");
    for (InvariantResult r : v.invariants()) arr.add(invariant(r));
    return o;
  }

  private static ObjectNode invariant(InvariantResult r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("index", r.index() + 1);
    o.put("resource_type", r.resourceType());
    o.put("outcome", r.outcome().wire());
    o.put("passed", r.passed());
    o.put("candidate", r.candidate());
    o.put("candidates_considered", r.candidatesConsidered());
    var fields = o.putArray("fields");
    for (FieldResult f : r.fields()) {
      ObjectNode fo = fields.addObject();
      fo.put("path", f.path());
      fo.set("expected", orNull(f.expected()));
      fo.set("actual", orNull(f.actual()));
      fo.put("rule", f.rule());
      fo.put("comparator", f.comparator());
      fo.put("passed", f.passed());
      if (f.message() != null) fo.put("message", f.message());
    }
    var msgs = o.putArray("messages");
    r.messages().forEach(msgs::add);
    return o;
  }

  private static JsonNode orNull(JsonNode n) {
    return n == null ? JsonNodeFactory.instance.nullNode() : n;
  }

  @Override
  public String write(Verdict v) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(v)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
