package ai.alphacore.validation.http;

import ai.alphacore.validation.job.JobRecord;
import ai.alphacore.validation.job.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The JSON shapes of job records, reference endpoints first, then the v1 view. */
final class JobViews {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JobViews() {}

  static String logUrl(String jobId) {
    return "/validate/" + jobId + "/log";
  }

  /** The job's result object, or null while it has none. Always the normalised schema. */
  static JsonNode result(JobRecord j) {
    if (j.resultJson() == null) return JsonNodeFactory.instance.nullNode();
    try {
      return JSON.readTree(j.resultJson());
    } catch (IOException e) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("status", "fail");
      o.put("msg", "stored result is unreadable");
      o.put("score", 0.0);
      o.put("outcome", "infra_error");
      return o;
    }
  }

  /** GET /validate/{job_id}. */
  static ObjectNode status(JobRecord j, List<String> tail) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("job_id", j.jobId());
    o.put("status", j.state().wire());
    o.put("queued_at", Timestamps.iso(j.queuedAt()));
    o.put("started_at", Timestamps.iso(j.startedAt()));
    o.put("finished_at", Timestamps.iso(j.finishedAt()));
    o.set("result", result(j));
    o.put("error", j.error());
    o.put("log_path", j.logPath());
    var arr = o.putArray("log_tail");
    tail.forEach(arr::add);
    o.put("outcome", j.outcome() == null ? null : j.outcome().wire());
    o.put("attempts", j.attempts());
    o.put("interruptions", j.interruptions());
    return o;
  }

  /** GET /v1/jobs/{id}. */
  static ObjectNode v1(JobRecord j) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("job_id", j.jobId());
    o.put("request_id", j.requestId());
    o.put("task_id", j.taskId());
    o.put("miner_uid", j.minerUid());
    o.put("status", j.state().wire());
    o.put("outcome", j.outcome() == null ? null : j.outcome().wire());
    o.put("fault", j.outcome() == null ? null : j.outcome().fault().wire());
    o.put("attempts", j.attempts());
    o.put("interruptions", j.interruptions());
    o.put("interrupted", j.interruptions() > 0);
    o.put("timeout_s", j.timeoutS());
    o.put("queued_at", Timestamps.iso(j.queuedAt()));
    o.put("started_at", Timestamps.iso(j.startedAt()));
    o.put("finished_at", Timestamps.iso(j.finishedAt()));
    if (j.startedAt() != null) o.put("queue_wait_ms", Duration.between(j.queuedAt(), j.startedAt()).toMillis());
    if (j.startedAt() != null && j.finishedAt() != null) o.put("run_ms", Duration.between(j.startedAt(), j.finishedAt()).toMillis());
    o.set("result", result(j));
    o.put("error", j.error());
    o.put("status_url", "/v1/jobs/" + j.jobId());
    o.put("log_url", logUrl(j.jobId()));
    ObjectNode s = o.putObject("submission");
    s.put("sha256", j.submissionSha256());
    s.put("bytes", j.submissionBytes());
    s.put("path", j.submissionPath());
    s.put("purged", j.purgedAt() != null);
    return o;
  }

  /** One entry of GET /task/{task_id}. */
  static ObjectNode taskJob(JobRecord j) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("job_id", j.jobId());
    o.put("status", j.state().wire());
    o.put("queued_at", Timestamps.iso(j.queuedAt()));
    o.put("started_at", Timestamps.iso(j.startedAt()));
    o.put("finished_at", Timestamps.iso(j.finishedAt()));
    o.put("log_url", logUrl(j.jobId()));
    o.put("log_path", j.logPath());
    o.put("submission_path", j.submissionPath());
    o.put("outcome", j.outcome() == null ? null : j.outcome().wire());
    return o;
  }
}
