package ai.alphacore.validation.http;

import ai.alphacore.validation.ApiConfig;
import ai.alphacore.validation.job.JobRecord;
import ai.alphacore.validation.job.JobState;
import ai.alphacore.validation.job.NewJob;
import ai.alphacore.validation.job.SafeName;
import ai.alphacore.validation.job.Submissions;
import ai.alphacore.validation.job.Timestamps;
import ai.alphacore.validation.metrics.ApiMetrics;
import ai.alphacore.validation.queue.WorkerPool;
import ai.alphacore.validation.store.JobStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Taking a submission in: checks in the reference's order (400, 403, 429), then the zip is
 * stored (temp + rename), the job row inserted, a worker woken. Nothing is stored for a request
 * that is refused, and a 429 after storing removes what it stored.
 */
public final class Submit {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiConfig cfg;
  private final Clock clock;
  private final ApiMetrics metrics;
  private final JobStore store;
  private final WorkerPool pool;
  private final Submissions submissions;

  public Submit(ApiConfig cfg, Clock clock, ApiMetrics metrics, JobStore store, WorkerPool pool, Submissions submissions) {
    this.cfg = cfg;
    this.clock = clock;
    this.metrics = metrics;
    this.store = store;
    this.pool = pool;
    this.submissions = submissions;
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** POST /validate: the reference's synchronous call. */
  void validateSync(Context ctx) {
    ValidateRequest req = ValidateRequest.parse(body(ctx), false);
    Path zip = hostPath(req.workspaceZipPath());
    Accepted a = accept(req.taskJson(), req.timeoutS(), () -> Files.newInputStream(zip), zip.toString(), null);
    CompletableFuture<JobRecord> done = a.watch;
    Duration wait = Duration.ofSeconds(cfg.maxQueueWaitS() + (long) a.job.timeoutS() + 30);
    Optional<JobRecord> r = pool.await(a.job.jobId(), done, wait);
    if (r.isEmpty() || !r.get().state().finished()) throw new HttpError(504, "Timed out waiting for validation result");
    JobRecord j = r.get();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("job_id", j.jobId());
    o.put("task_id", j.taskId());
    o.set("result", JobViews.result(j));
    o.put("log_url", JobViews.logUrl(j.jobId()));
    o.put("log_path", j.logPath());
    o.put("submission_path", j.submissionPath());
    o.putNull("tap");
    ctx.header("X-Acore-Job-Id", j.jobId());
    ctx.header("X-Acore-Request-Id", j.requestId());
    ApiServer.json(ctx, 200, o);
  }

  /** POST /v1/jobs: JSON with a host path or base64 zip, multipart, or a raw zip body. */
  void submitAsync(Context ctx) {
    String ct = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    Accepted a;
    if (ct.startsWith("multipart/form-data")) {
      UploadedFile f = ctx.uploadedFile("workspace_zip");
      if (f == null) throw new HttpError(422, validation("missing", "Field required", "workspace_zip"), Map.of());
      ObjectNode task = taskFromText(ctx.formParam("task_json"), "task_json");
      Integer timeout = timeoutFromText(ctx.formParam("timeout_s"));
      a = accept(task, timeout, f::content, null, ctx.formParam("sha256"));
    } else if (ct.startsWith("application/zip") || ct.startsWith("application/octet-stream")) {
      String h = ctx.header("X-Acore-Task-Json");
      if (h == null) throw new HttpError(422, validation("missing", "Header required", "X-Acore-Task-Json"), Map.of());
      String text;
      try {
        text = new String(Base64.getDecoder().decode(h.strip()), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new HttpError(422, validation("base64_decode", "Header must be base64 of the task JSON", "X-Acore-Task-Json"), Map.of());
      }
      ObjectNode task = taskFromText(text, "X-Acore-Task-Json");
      Integer timeout = timeoutFromText(ctx.queryParam("timeout_s"));
      byte[] body = ctx.bodyAsBytes();
      a = accept(task, timeout, () -> new ByteArrayInputStream(body), null, ctx.header("X-Acore-Sha256"));
    } else {
      ValidateRequest req = ValidateRequest.parse(body(ctx), true);
      if (req.workspaceZipB64() != null) {
        byte[] zip;
        try {
          zip = Base64.getDecoder().decode(req.workspaceZipB64());
        } catch (IllegalArgumentException e) {
          throw new HttpError(422, validation("base64_decode", "workspace_zip_b64 is not valid base64", "workspace_zip_b64"), Map.of());
        }
        a = accept(req.taskJson(), req.timeoutS(), () -> new ByteArrayInputStream(zip), null, req.sha256());
      } else {
        Path zip = hostPath(req.workspaceZipPath());
        a = accept(req.taskJson(), req.timeoutS(), () -> Files.newInputStream(zip), zip.toString(), req.sha256());
      }
    }
    pool.unwatch(a.job.jobId());
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("job_id", a.job.jobId());
    o.put("request_id", a.job.requestId());
    o.put("task_id", a.job.taskId());
    o.put("status", JobState.QUEUED.wire());
    o.put("queued_at", Timestamps.iso(a.job.queuedAt()));
    o.put("timeout_s", a.job.timeoutS());
    o.put("status_url", "/v1/jobs/" + a.job.jobId());
    o.put("log_url", JobViews.logUrl(a.job.jobId()));
    ctx.header("Location", "/v1/jobs/" + a.job.jobId());
    ctx.header("X-Acore-Job-Id", a.job.jobId());
    ctx.header("X-Acore-Request-Id", a.job.requestId());
    ApiServer.json(ctx, 202, o);
  }

  private static JsonNode body(Context ctx) {
    byte[] b = ctx.bodyAsBytes();
    try {
      return JSON.readTree(b);
    } catch (IOException e) {
      var errors = JsonNodeFactory.instance.arrayNode();
      ObjectNode err = errors.addObject();
      err.put("type", "json_invalid");
      err.putArray("loc").add("body");
      err.put("msg", "JSON decode error");
      err.put("input", new String(b, 0, Math.min(b.length, 200), java.nio.charset.StandardCharsets.UTF_8));
      throw new HttpError(422, errors, Map.of());
    }
  }

  private static com.fasterxml.jackson.databind.node.ArrayNode validation(String type, String msg, String field) {
    var errors = JsonNodeFactory.instance.arrayNode();
    ObjectNode e = errors.addObject();
    e.put("type", type);
    e.putArray("loc").add("body").add(field);
    e.put("msg", msg);
    e.putNull("input");
    return errors;
  }

  private static ObjectNode taskFromText(String text, String field) {
    if (text == null) throw new HttpError(422, validation("missing", "Field required", field), Map.of());
    try {
      JsonNode n = JSON.readTree(text);
      if (n != null && n.isObject()) return (ObjectNode) n;
    } catch (IOException e) {
      // reported below
    }
    throw new HttpError(422, validation("dict_type", "Input should be a valid dictionary", field), Map.of());
  }

  private static Integer timeoutFromText(String s) {
    if (s == null) return null;
    ObjectNode holder = JsonNodeFactory.instance.objectNode();
    holder.put("timeout_s", s);
    var errors = JsonNodeFactory.instance.arrayNode();
    Integer t = ValidateRequest.integer(holder, "timeout_s", errors);
    if (t == null) throw new HttpError(422, errors, Map.of());
    return t;
  }

  /** The reference's checks on a host path, in its order, plus the archive root made mandatory. */
  private Path hostPath(String given) {
    if (!given.toLowerCase(Locale.ROOT).endsWith(".zip")) throw new HttpError(400, "workspace_zip_path must end with .zip");
    Path p = Path.of(given);
    if (!Files.isRegularFile(p)) throw new HttpError(400, "workspace_zip_path is not a file: " + given);
    if (cfg.archiveRoot() != null) {
      try {
        Path real = p.toRealPath();
        Path root = cfg.archiveRoot().toRealPath();
        if (!real.startsWith(root)) throw new HttpError(403, "workspace_zip_path is outside ALPHACORE_VALIDATION_ARCHIVE_ROOT");
        return real;
      } catch (IOException e) {
        throw new HttpError(403, "workspace_zip_path is outside ALPHACORE_VALIDATION_ARCHIVE_ROOT");
      }
    }
    return p.toAbsolutePath();
  }

  @FunctionalInterface
  interface Source {
    InputStream open() throws IOException;
  }

  private record Accepted(JobRecord job, CompletableFuture<JobRecord> watch) {}

  private Accepted accept(ObjectNode task, Integer timeoutS, Source source, String originalPath, String expectedSha) {
    int queued = store.count(JobState.QUEUED);
    if (queued >= cfg.queueSize()) throw busy(queued);
    String jobId = hex(16);
    String requestId = hex(6);
    JsonNode tid = task.get("task_id");
    String taskId = tid != null && tid.isTextual() ? tid.asText() : null;
    JsonNode mu = task.get("miner_uid");
    String minerUid = mu == null || mu.isNull() ? null : mu.isTextual() ? mu.asText() : mu.toString();
    int timeout = Math.max(1, Math.min(cfg.maxTimeoutS(), timeoutS == null ? cfg.defaultTimeoutS() : timeoutS));
    Instant now = clock.instant();
    Submissions.Stored stored;
    try (InputStream in = source.open()) {
      stored = submissions.store(in, taskId, jobId);
    } catch (Submissions.TooLarge e) {
      throw new HttpError(413, "Submission exceeds " + cfg.maxUploadBytes() + " bytes");
    } catch (IOException e) {
      throw new HttpError(500, "Failed to persist submission: " + e.getMessage());
    }
    if (expectedSha != null && !expectedSha.strip().equalsIgnoreCase(stored.sha256())) {
      deleteQuietly(stored.path());
      throw new HttpError(400, "sha256 does not match the uploaded zip (got " + stored.sha256() + ")");
    }
    try {
      submissions.writeMeta(jobId, taskId, minerUid, now, originalPath, stored);
    } catch (IOException e) {
      deleteQuietly(stored.path());
      throw new HttpError(500, "Failed to persist submission: " + e.getMessage());
    }
    String logPath = cfg.logDir().resolve(Submissions.baseName(taskId, jobId) + ".log").toString();
    NewJob nj = new NewJob(jobId, requestId, taskId, minerUid, timeout, task.toString(), originalPath,
        stored.path().toString(), stored.sha256(), stored.bytes(), logPath, now);
    CompletableFuture<JobRecord> watch = pool.watch(jobId);
    if (!store.enqueue(nj, cfg.queueSize())) {
      pool.unwatch(jobId);
      deleteQuietly(stored.path());
      deleteQuietly(Submissions.metaPath(stored.path()));
      throw busy(cfg.queueSize());
    }
    pool.wake();
    JobRecord rec = new JobRecord(jobId, requestId, taskId, minerUid, JobState.QUEUED, null, 0, 0, timeout, nj.taskJson(),
        originalPath, nj.submissionPath(), stored.sha256(), stored.bytes(), logPath, null, null, null, now, null, null, null);
    return new Accepted(rec, watch);
  }

  private HttpError busy(int queued) {
    metrics.rejected("queue_full");
    return new HttpError(429, "Validator is busy; queue is full",
        Map.of("Retry-After", Long.toString(pool.retryAfterSeconds(queued))));
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort; retention removes leftovers
    }
  }

  static String safe(String s) {
    return SafeName.of(s, "task");
  }
}
