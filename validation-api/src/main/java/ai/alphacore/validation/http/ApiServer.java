package ai.alphacore.validation.http;

import ai.alphacore.validation.ApiConfig;
import ai.alphacore.validation.ValidationApiException;
import ai.alphacore.validation.job.JobLog;
import ai.alphacore.validation.job.JobRecord;
import ai.alphacore.validation.job.JobState;
import ai.alphacore.validation.job.Timestamps;
import ai.alphacore.validation.metrics.ApiMetrics;
import ai.alphacore.validation.queue.WorkerPool;
import ai.alphacore.validation.store.JobStore;
import ai.alphacore.validation.verification.Verification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface: the reference's endpoints with the same JSON (validation.md 5.2) plus the
 * asynchronous /v1/jobs API, /openapi.json and /metrics. Bearer auth on everything but /health;
 * 503 until the backend is ready.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("ai.alphacore.validation.http");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPENAPI = loadOpenApi();

  /** What the routes need from the service; null-safe while not ready. */
  public interface Backend {
    boolean ready();

    JobStore store();

    WorkerPool pool();

    Verification verification();

    Submit submit();
  }

  private final ApiConfig cfg;
  private final Clock clock;
  private final ApiMetrics metrics;
  private final Backend backend;
  private final byte[] token;
  private Javalin app;

  public ApiServer(ApiConfig cfg, Clock clock, ApiMetrics metrics, Backend backend) {
    this.cfg = cfg;
    this.clock = clock;
    this.metrics = metrics;
    this.backend = backend;
    this.token = cfg.token() == null ? null : cfg.token().strip().getBytes(StandardCharsets.UTF_8);
  }

  public int port() {
    return app.port();
  }

  public void start() {
    app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.startup.showOldJavalinVersionWarning = false;
      c.concurrency.useVirtualThreads = true;
      c.http.maxRequestSize = cfg.maxUploadBytes() + 1024 * 1024;
      c.requestLogger.http(this::access);
      c.routes.before(this::guard);
      c.routes.get("/health", this::health);
      c.routes.post("/validate", ctx -> backend.submit().validateSync(ctx));
      c.routes.get("/validate/active", this::active);
      c.routes.get("/validate/{job_id}", this::status);
      c.routes.get("/validate/{job_id}/log", this::log);
      c.routes.get("/task/{task_id}", this::task);
      c.routes.post("/v1/jobs", ctx -> backend.submit().submitAsync(ctx));
      c.routes.get("/v1/jobs/{job_id}", this::v1Job);
      c.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OPENAPI));
      c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
      c.routes.exception(HttpError.class, (e, ctx) -> {
        e.headers().forEach(ctx::header);
        json(ctx, e.status(), detail(e.detail()));
      });
      c.routes.exception(ValidationApiException.class, (e, ctx) -> {
        LOG.error("request failed: {}", e.getMessage(), e);
        json(ctx, 503, detail(JsonNodeFactory.instance.textNode("Service unavailable: " + e.code())));
      });
      c.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("request failed", e);
        json(ctx, 500, detail(JsonNodeFactory.instance.textNode("Internal Server Error")));
      });
    });
    try {
      app.start(cfg.host(), cfg.port());
    } catch (RuntimeException e) {
      throw new ValidationApiException(ValidationApiException.Code.BIND_FAILED,
          "cannot listen on " + cfg.host() + ":" + cfg.port() + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode detail(JsonNode d) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("detail", d);
    return o;
  }

  static void json(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void guard(Context ctx) {
    ctx.attribute("t0", System.nanoTime());
    String path = ctx.path();
    if (path.equals("/health")) return;
    if (token != null) {
      String h = ctx.header("Authorization");
      byte[] given = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)
          ? h.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
      if (!MessageDigest.isEqual(given, token)) {
        metrics.rejected("unauthorized");
        throw new HttpError(401, "Missing or invalid bearer token", Map.of("WWW-Authenticate", "Bearer"));
      }
    }
    if (!backend.ready() && !path.equals("/openapi.json") && !path.equals("/metrics")) {
      metrics.rejected("not_ready");
      throw new HttpError(503, "Validation service is not ready (starting or recovering jobs)", Map.of("Retry-After", "2"));
    }
  }

  private void access(Context ctx, Float ms) {
    String route = ctx.endpoints().matchedHttpEndpoint() != null ? ctx.endpoints().matchedHttpEndpoint().path : "unmatched";
    Long t0 = ctx.attribute("t0");
    metrics.http(ctx.method().name(), route, ctx.statusCode(), t0 == null ? 0 : System.nanoTime() - t0);
    if (LOG.isInfoEnabled()) {
      LOG.info("HTTP {} {} -> {} dur_ms={} client={} job_id={} req_id={} running={}", ctx.method().name(), ctx.path(),
          ctx.statusCode(), Math.round(ms), ctx.ip(), ctx.res().getHeader("X-Acore-Job-Id"),
          ctx.res().getHeader("X-Acore-Request-Id"), backend.pool() == null ? 0 : backend.pool().running());
    }
  }

  private void health(Context ctx) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    boolean ready = backend.ready();
    Verification.Readiness vr = backend.verification().readiness();
    o.put("status", "healthy");
    o.put("sandbox_ready", ready);
    o.put("sandbox_workers", cfg.workers());
    o.put("sandbox_queue_size", cfg.queueSize());
    o.put("sandbox_queued", ready ? backend.store().count(JobState.QUEUED) : 0);
    o.put("sandbox_running", ready ? backend.store().count(JobState.RUNNING) : 0);
    o.put("token_ready", vr.ready());
    o.put("token_error", vr.error());
    o.put("timestamp", Timestamps.iso(clock.instant()));
    o.put("verification", backend.verification().name());
    o.put("trusts_miner_state", backend.verification().trustsMinerState());
    o.put("node_id", cfg.nodeId());
    json(ctx, 200, o);
  }

  private JobRecord job(Context ctx) {
    String id = ctx.pathParam("job_id");
    return backend.store().find(id).orElseThrow(() -> new HttpError(404, "Unknown job_id"));
  }

  private void active(Context ctx) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    var arr = o.putArray("active");
    for (JobRecord j : backend.store().active(1000)) {
      ObjectNode e = arr.addObject();
      e.put("job_id", j.jobId());
      e.put("status", j.state().wire());
      e.put("log_url", JobViews.logUrl(j.jobId()));
    }
    json(ctx, 200, o);
  }

  private void status(Context ctx) {
    JobRecord j = job(ctx);
    List<String> tail = List.of();
    if (j.logPath() != null && Files.isRegularFile(Path.of(j.logPath()))) {
      try {
        tail = JobLog.tail(Path.of(j.logPath()), cfg.logTailLines());
      } catch (IOException e) {
        tail = List.of();
      }
    }
    json(ctx, 200, JobViews.status(j, tail));
  }

  private void log(Context ctx) {
    JobRecord j = job(ctx);
    int tail = 200;
    String q = ctx.queryParam("tail");
    if (q != null) {
      ObjectNode holder = JsonNodeFactory.instance.objectNode();
      holder.put("tail", q);
      var errors = JsonNodeFactory.instance.arrayNode();
      Integer t = ValidateRequest.integer(holder, "tail", errors);
      if (t == null) {
        ((ObjectNode) errors.get(0)).putArray("loc").add("query").add("tail");
        throw new HttpError(422, errors, Map.of());
      }
      tail = t;
    }
    tail = Math.min(5000, Math.max(1, tail));
    if (j.logPath() == null) throw new HttpError(404, "No log recorded for job");
    Path p = Path.of(j.logPath()).toAbsolutePath().normalize();
    if (!p.startsWith(cfg.logDir())) throw new HttpError(403, "Log path outside configured log dir");
    if (!Files.isRegularFile(p)) throw new HttpError(404, "Log file not found (yet)");
    List<String> lines;
    try {
      lines = JobLog.tail(p, tail);
    } catch (IOException e) {
      throw new HttpError(404, "Log file not found (yet)");
    }
    ctx.status(200).contentType("text/plain; charset=utf-8").result(String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
  }

  private void task(Context ctx) {
    String taskId = ctx.pathParam("task_id");
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("task_id", taskId);
    var arr = o.putArray("jobs");
    for (JobRecord j : backend.store().byTask(taskId, 1000)) arr.add(JobViews.taskJob(j));
    o.putNull("submission_index_dir");
    json(ctx, 200, o);
  }

  private void v1Job(Context ctx) {
    json(ctx, 200, JobViews.v1(job(ctx)));
  }

  private static String loadOpenApi() {
    try (InputStream in = ApiServer.class.getResourceAsStream("/ai/alphacore/validation/openapi.json")) {
      if (in == null) throw new IllegalStateException("openapi.json missing from the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (app != null) app.stop();
  }
}
