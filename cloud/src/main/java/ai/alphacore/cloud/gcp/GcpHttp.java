package ai.alphacore.cloud.gcp;

import ai.alphacore.cloud.auth.TokenException;
import ai.alphacore.cloud.auth.TokenSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read-only REST calls to Google APIs (or cloudsim): bearer token, pinned endpoint, no
 * redirects, capped bodies. 429, 5xx and timeouts are retried with backoff and then raised as a
 * {@link ValidatorFault}; a 401 refreshes the token once. Every other answer (2xx, 403, 404,
 * other 4xx) is returned to the caller, who decides whose fault it is.
 */
public final class GcpHttp {
  /** An API answer: status and JSON body (an empty object when the body was empty). */
  public record Response(int status, JsonNode body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** Google's error reason, e.g. {@code notFound}, {@code accessNotConfigured}; "" when none. */
    public String reason() {
      JsonNode e = body.path("error");
      String r = e.path("errors").path(0).path("reason").asText("");
      if (r.isEmpty()) r = e.path("details").path(0).path("reason").asText("");
      return r;
    }

    public String message() {
      return body.path("error").path("message").asText("");
    }
  }

  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  static final int MAX_BODY = 8 << 20;
  /** 403 reasons that mean "slow down", which is the validator's problem, not the miner's. */
  private static final Set<String> RATE_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "RATE_LIMIT_EXCEEDED");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final GcpEndpoints endpoints;
  private final TokenSource tokens;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final HttpClient http;

  public GcpHttp(GcpEndpoints endpoints, TokenSource tokens, RetryPolicy retry, Sleeper sleeper) {
    this.endpoints = endpoints;
    this.tokens = tokens;
    this.retry = retry;
    this.sleeper = sleeper;
    this.http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .version(endpoints.isOfficial() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .build();
  }

  public GcpHttp(GcpEndpoints endpoints, TokenSource tokens) {
    this(endpoints, tokens, RetryPolicy.DEFAULT, d -> Thread.sleep(d.toMillis()));
  }

  /** Empty when a token can be had now; else why not (for health checks; never the token). */
  public java.util.Optional<String> tokenProblem() {
    try {
      tokens.token();
      return java.util.Optional.empty();
    } catch (TokenException e) {
      return java.util.Optional.of(e.getMessage());
    }
  }

  /** One verification's calls, counted; the connection pool and token are shared. */
  public Session session() {
    return new Session();
  }

  public final class Session {
    private final AtomicInteger calls = new AtomicInteger();

    private Session() {}

    /** HTTP requests sent so far, retries included. */
    public int calls() {
      return calls.get();
    }

    /** GET {@code path} (already percent-encoded, starting with {@code /}). */
    public Response get(GcpService service, String path) throws ValidatorFault {
      return send(service, "GET", path, null, calls);
    }

    /** POST a JSON body (used for the read-only {@code :getIamPolicy} methods). */
    public Response post(GcpService service, String path, String json) throws ValidatorFault {
      return send(service, "POST", path, json, calls);
    }
  }

  private Response send(GcpService service, String method, String path, String json, AtomicInteger calls) throws ValidatorFault {
    if (!path.startsWith("/") || path.contains("/../") || path.contains("/./")) throw new IllegalArgumentException("bad request path " + path);
    URI uri = URI.create(endpoints.base(service) + path);
    boolean refreshed = false;
    ValidatorFault last = null;
    String retryAfter = null;
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      if (attempt > 1) pause(last, attempt - 1, retryAfter);
      String token;
      try {
        token = tokens.token();
      } catch (TokenException e) {
        throw new ValidatorFault(ValidatorFault.Code.TOKEN_UNAVAILABLE, 0, e.getMessage());
      }
      HttpRequest.Builder b = HttpRequest.newBuilder(uri)
          .timeout(retry.timeout())
          .header("Authorization", "Bearer " + token)
          .header("Accept", "application/json")
          .header("User-Agent", "alphacore-cloud-verifier/0.1");
      if (json == null) b.GET();
      else b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
      calls.incrementAndGet();
      HttpResponse<InputStream> r;
      try {
        r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpTimeoutException e) {
        last = new ValidatorFault(ValidatorFault.Code.TIMEOUT, 0, method + " " + service + " " + path + " timed out after " + retry.timeout().toSeconds() + "s");
        continue;
      } catch (IOException e) {
        last = new ValidatorFault(ValidatorFault.Code.UPSTREAM_UNAVAILABLE, 0, method + " " + service + " " + path + " failed: " + e.getClass().getSimpleName());
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ValidatorFault(ValidatorFault.Code.TIMEOUT, 0, "interrupted");
      }
      int status = r.statusCode();
      JsonNode body = body(r, method, service, path);
      if (status == 401) {
        if (!refreshed && tokens.invalidate()) {
          refreshed = true;
          attempt--; // a refreshed token gets a fresh try
          last = null;
          continue;
        }
        throw new ValidatorFault(ValidatorFault.Code.TOKEN_REJECTED, 401, "the API rejected our token (" + tokens.describe() + ")");
      }
      Response resp = new Response(status, body);
      boolean rate = status == 429 || (status == 403 && RATE_REASONS.contains(resp.reason()));
      if (rate || status >= 500) {
        last = new ValidatorFault(rate ? ValidatorFault.Code.RATE_LIMITED : ValidatorFault.Code.UPSTREAM_UNAVAILABLE, status,
            method + " " + service + " " + path + " answered " + status + (resp.message().isEmpty() ? "" : ": " + resp.message()));
        retryAfter = r.headers().firstValue("Retry-After").orElse(null);
        continue;
      }
      return resp;
    }
    throw last;
  }

  private void pause(ValidatorFault last, int n, String retryAfter) throws ValidatorFault {
    Duration d = retry.delay(n);
    long jittered = d.toMillis() / 2 + ThreadLocalRandom.current().nextLong(d.toMillis() / 2 + 1);
    if (retryAfter != null && retryAfter.matches("[0-9]{1,4}")) {
      jittered = Math.max(jittered, Math.min(retry.max().toMillis(), Long.parseLong(retryAfter) * 1000));
    }
    try {
      sleeper.sleep(Duration.ofMillis(jittered));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw last;
    }
  }

  private static JsonNode body(HttpResponse<InputStream> r, String method, GcpService service, String path) throws ValidatorFault {
    byte[] bytes;
    try (InputStream in = r.body()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw new ValidatorFault(ValidatorFault.Code.UPSTREAM_UNAVAILABLE, r.statusCode(), method + " " + service + " " + path + ": reading the answer failed");
    }
    if (bytes.length > MAX_BODY) {
      throw new ValidatorFault(ValidatorFault.Code.UPSTREAM_MALFORMED, r.statusCode(), method + " " + service + " " + path + ": answer larger than " + MAX_BODY + " bytes");
    }
    if (bytes.length == 0) return MAPPER.createObjectNode();
    try {
      JsonNode n = MAPPER.readTree(bytes);
      return n == null ? MAPPER.createObjectNode() : n;
    } catch (IOException e) {
      if (r.statusCode() >= 500 || r.statusCode() == 429) return MAPPER.createObjectNode(); // proxies answer 5xx in HTML
      throw new ValidatorFault(ValidatorFault.Code.UPSTREAM_MALFORMED, r.statusCode(), method + " " + service + " " + path + ": answer is not JSON");
    }
  }
}
