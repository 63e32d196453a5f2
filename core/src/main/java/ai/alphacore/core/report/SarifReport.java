package ai.alphacore.core.report;

import ai.alphacore.core.judge.FieldResult;
import ai.alphacore.core.judge.InvariantResult;
import ai.alphacore.core.judge.Verdict;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0: one rule per resource type and field ({@code google_storage_bucket/values.name}),
 * one result per failed field; task-level errors as a {@code judge/<CODE>} result.
 */
public final class SarifReport implements ReportWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String write(Verdict v) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "alphacore-judge");
    driver.put("informationUri", "https://github.com/AlphaCoreBittensor/alphacore");
    Map<String, ObjectNode> rules = new LinkedHashMap<>();
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    if (v.error() != null) {
      String id = "judge/" + v.error().code();
      rules.computeIfAbsent(id, k -> rule(k, v.error().hint()));
      ObjectNode r = results.addObject();
      r.put("ruleId", id);
      r.put("level", "error");
      r.putObject("message").put("text", v.error().message());
    }
    for (InvariantResult inv : v.invariants()) {
      for (FieldResult f : inv.fields()) {
        String id = inv.resourceType() + "/" + f.path();
        rules.computeIfAbsent(id, k -> rule(k, "Invariant field " + f.path() + " of " + inv.resourceType()));
        if (f.passed()) continue;
        ObjectNode r = results.addObject();
        r.put("ruleId", id);
        r.put("level", "error");
        r.putObject("message").put("text", f.message() != null ? f.message()
            : f.path() + ": expected " + f.expected() + ", got " + f.actual());
        ObjectNode props = r.putObject("properties");
        props.put("invariant", inv.index() + 1);
        props.put("candidate", inv.candidate());
        props.set("expected", f.expected());
        props.set("actual", f.actual());
        props.put("rule", f.rule());
        if (inv.candidate() != null) {
          r.putArray("locations").addObject().putArray("logicalLocations").addObject()
              .put("fullyQualifiedName", inv.candidate()).put("kind", "resource");
        }
      }
    }
    ArrayNode ruleArr = driver.putArray("rules");
    rules.values().forEach(ruleArr::add);
    run.set("results", results);
    ObjectNode props = run.putObject("properties");
    props.put("task_id", v.taskId());
    props.put("status", v.status());
    props.put("score", v.score());
    props.put("mode", v.mode().wire());
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode rule(String id, String text) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("id", id);
    r.putObject("shortDescription").put("text", text);
    return r;
  }
}
