package ai.alphacore.validation.client;

import ai.alphacore.validation.ValidationApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Java client of the Validation API, for the validator neuron. Unlike the reference client
 * (validation.md B15-B16) it really retries 429 (honouring Retry-After) and 503, and never
 * confuses "the API failed" with "the miner scored 0": see {@link JobView#minerFault()}.
 */
public final class ValidationApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final String token;
  private final HttpClient http;
  private final int maxAttempts;

  public ValidationApiClient(URI base, String token) {
    this(base, token, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), 5);
  }

  public ValidationApiClient(URI base, String token, HttpClient http, int maxAttempts) {
    this.base = base;
    this.token = token;
    this.http = http;
    this.maxAttempts = maxAttempts;
  }

  /** /health: ready means both sandbox_ready and token_ready, as the reference client checks. */
  public record Health(boolean ready, int queued, int running, String verification, boolean trustsMinerState, JsonNode raw) {}

  /** A job as /v1/jobs/{id} reports it. {@code result} is null until the job finishes. */
  public record JobView(String jobId, String status, String outcome, String fault, Double score, int attempts,
      int interruptions, JsonNode result, JsonNode raw) {
    public boolean finished() {
      return status.equals("done") || status.equals("failed");
    }

    /** True when a score of this job may be held against the miner. */
    public boolean minerFault() {
      return "miner".equals(fault) || "none".equals(fault);
    }
  }

  public Health health() {
    JsonNode n = send(get("/health"), false).body;
    return new Health(n.path("sandbox_ready").asBoolean() && n.path("token_ready").asBoolean(), n.path("sandbox_queued").asInt(),
        n.path("sandbox_running").asInt(), n.path("verification").asText(null), n.path("trusts_miner_state").asBoolean(), n);
  }

  /** POST /validate with a host path; blocks until the job finishes. Returns the response body. */
  public JsonNode validate(Path zip, JsonNode task, int timeoutS) {
    ObjectNode b = JSON.createObjectNode();
    b.put("workspace_zip_path", zip.toAbsolutePath().toString());
    b.set("task_json", task);
    b.put("timeout_s", timeoutS);
    b.put("net_checks", false);
    b.put("stream_log", false);
    b.put("quiet_kernel", true);
    return send(post("/validate", b).timeout(Duration.ofSeconds(timeoutS + 360L)).build(), true).body;
  }

  /**
   * POST /v1/jobs with the zip uploaded (base64 in the JSON body: a task travels in the body, as
   * headers are size-limited); returns the job id at once.
   */
  public String submit(byte[] zip, JsonNode task, Integer timeoutS) {
    ObjectNode b = JSON.createObjectNode();
    b.put("workspace_zip_b64", Base64.getEncoder().encodeToString(zip));
    b.put("sha256", ai.alphacore.validation.job.JobRunner.sha256(zip));
    b.set("task_json", task);
    if (timeoutS != null) b.put("timeout_s", timeoutS);
    return send(post("/v1/jobs", b).timeout(Duration.ofSeconds(60)).build(), true).body.path("job_id").asText();
  }

  public Optional<JobView> job(String jobId) {
    Reply r = send(get("/v1/jobs/" + jobId), false, 404);
    if (r.status == 404) return Optional.empty();
    JsonNode n = r.body;
    JsonNode res = n.get("result");
    return Optional.of(new JobView(n.path("job_id").asText(), n.path("status").asText(), n.path("outcome").asText(null),
        n.path("fault").asText(null), res != null && res.has("score") ? res.get("score").asDouble() : null,
        n.path("attempts").asInt(), n.path("interruptions").asInt(), res == null || res.isNull() ? null : res, n));
  }

  /** Polls until the job finishes or {@code timeout} passes. */
  public JobView await(String jobId, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    long sleep = 20;
    while (true) {
      JobView v = job(jobId).orElseThrow(() -> new ValidationApiException(ValidationApiException.Code.CLIENT_HTTP, "unknown job " + jobId));
      if (v.finished()) return v;
      if (System.nanoTime() > end) throw new ValidationApiException(ValidationApiException.Code.CLIENT_HTTP, "job " + jobId + " not finished in " + timeout);
      pause(sleep);
      sleep = Math.min(1000, sleep * 2);
    }
  }

  public String log(String jobId, int tail) {
    HttpRequest r = auth(HttpRequest.newBuilder(base.resolve("/validate/" + jobId + "/log?tail=" + tail))).GET().build();
    try {
      HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() != 200) throw new ValidationApiException(ValidationApiException.Code.CLIENT_HTTP, "log: HTTP " + resp.statusCode());
      return resp.body();
    } catch (IOException e) {
      throw new ValidationApiException(ValidationApiException.Code.CLIENT_IO, "log: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ValidationApiException(ValidationApiException.Code.CLIENT_IO, "interrupted");
    }
  }

  private HttpRequest.Builder auth(HttpRequest.Builder b) {
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private HttpRequest get(String path) {
    return auth(HttpRequest.newBuilder(base.resolve(path))).timeout(Duration.ofSeconds(30)).GET().build();
  }

  private HttpRequest.Builder post(String path, JsonNode body) {
    return auth(HttpRequest.newBuilder(base.resolve(path))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private record Reply(int status, JsonNode body) {}

  private Reply send(HttpRequest r, boolean retryBusy, int... acceptable) {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<byte[]> resp;
      try {
        resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (attempt >= maxAttempts) throw new ValidationApiException(ValidationApiException.Code.CLIENT_IO, r.uri().getPath() + ": " + e.getMessage(), e);
        pause(200L << attempt);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ValidationApiException(ValidationApiException.Code.CLIENT_IO, "interrupted");
      }
      int s = resp.statusCode();
      if ((s == 429 || s == 503) && attempt < maxAttempts && (retryBusy || s == 503)) {
        long secs = resp.headers().firstValue("Retry-After").map(ValidationApiClient::parseLong).orElse(1L);
        pause(Math.min(60, Math.max(1, secs)) * 1000);
        continue;
      }
      JsonNode body;
      try {
        body = resp.body().length == 0 ? JSON.nullNode() : JSON.readTree(resp.body());
      } catch (IOException e) {
        body = JSON.nullNode();
      }
      for (int a : acceptable) if (a == s) return new Reply(s, body);
      if (s >= 300) {
        throw new ValidationApiException(ValidationApiException.Code.CLIENT_HTTP,
            r.method() + " " + r.uri().getPath() + ": HTTP " + s + ": " + body.path("detail"));
      }
      return new Reply(s, body);
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
