package ai.alphacore.sandbox.refresh;

import ai.alphacore.core.judge.Verdict;
import ai.alphacore.core.report.JsonReport;
import ai.alphacore.sandbox.SandboxError.Fault;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one sandboxed validation. Everything in it has been through the run's
 * redactor: it can be logged, stored and sent back to a miner as is.
 *
 * @param state the refreshed terraform.tfstate (null when refresh did not complete)
 * @param verdict the judge's verdict on the refreshed state (null when not judged)
 * @param logs terraform output per stage and the sandbox console, capped
 */
public record RefreshResult(String runId, String backend, List<Stage> stages, byte[] state, Verdict verdict, Map<String, String> logs,
    Duration total) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public RefreshResult {
    stages = List.copyOf(stages);
    logs = Map.copyOf(logs);
  }

  /** True when every stage that ran succeeded (the verdict may still be a fail). */
  public boolean ok() {
    return stages.stream().noneMatch(s -> s.status() == Stage.Status.FAILED);
  }

  /** The failed stage, if any. */
  public Stage failure() {
    return stages.stream().filter(s -> s.status() == Stage.Status.FAILED).findFirst().orElse(null);
  }

  /** Whose fault the failure is, or null when nothing failed. */
  public Fault fault() {
    Stage f = failure();
    return f == null ? null : f.fault();
  }

  public ObjectNode toJson(boolean withLogs) {
    ObjectNode o = JSON.createObjectNode();
    o.put("run_id", runId);
    o.put("backend", backend);
    o.put("ok", ok());
    o.put("total_ms", total.toMillis());
    var arr = o.putArray("stages");
    for (Stage s : stages) {
      ObjectNode n = arr.addObject();
      n.put("name", s.name());
      n.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
      n.put("ms", s.duration().toMillis());
      if (s.code() != null) n.put("code", s.code());
      if (s.fault() != null) n.put("fault", s.fault().name().toLowerCase(java.util.Locale.ROOT));
      if (s.message() != null) n.put("message", s.message());
    }
    if (verdict != null) o.set("verdict", JsonReport.toJson(verdict));
    if (withLogs) {
      ObjectNode l = o.putObject("logs");
      logs.forEach(l::put);
    }
    return o;
  }
}
