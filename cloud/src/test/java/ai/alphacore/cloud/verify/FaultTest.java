package ai.alphacore.cloud.verify;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cloud.auth.StaticTokenSource;
import ai.alphacore.cloud.gcp.GcpEndpoints;
import ai.alphacore.cloud.gcp.GcpHttp;
import ai.alphacore.cloud.gcp.RetryPolicy;
import ai.alphacore.core.judge.JudgeMode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whose fault: a fake Google on loopback answers with every kind of failure. */
class FaultTest {
  static final Vectors.Vector TOPIC = Vectors.load("0070-ideal-single_pubsub_topic");
  static final String P = TOPIC.project();
  static final String TOPIC_JSON = topicJson();

  record Answer(int status, String body, String retryAfter, long delayMs) {
    static Answer of(int status, String body) {
      return new Answer(status, body, null, 0);
    }
  }

  HttpServer server;
  final AtomicInteger hits = new AtomicInteger();
  final List<Duration> sleeps = new ArrayList<>();

  URI serve(Function<Integer, Answer> script) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/", ex -> answer(ex, script.apply(hits.incrementAndGet())));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    if (server != null) server.stop(0);
  }

  VerificationResult run(URI base, Duration timeout) {
    RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), timeout);
    GcpVerifier v = new GcpVerifier(new GcpHttp(GcpEndpoints.single(base), new StaticTokenSource("tok", "test"), retry, sleeps::add));
    return v.verify(TOPIC.task(), TOPIC.state(), new VerifyRequest(P, null, JudgeMode.COMPAT));
  }

  @Test
  void transientServerErrorsAreRetriedWithGrowingBackoff() throws IOException {
    VerificationResult r = run(serve(n -> n <= 2 ? Answer.of(503, "{\"error\":{\"code\":503,\"message\":\"backend\"}}") : Answer.of(200, TOPIC_JSON)), Duration.ofSeconds(5));
    assertThat(r.status()).isEqualTo(VerificationResult.Status.JUDGED);
    assertThat(r.verdict().score()).isEqualTo(1.0);
    assertThat(r.apiCalls()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void persistentServerErrorsAreTheValidatorsFaultNeverAZero() throws IOException {
    VerificationResult r = run(serve(n -> Answer.of(500, "<html>oops</html>")), Duration.ofSeconds(5));
    assertThat(r.status()).isEqualTo(VerificationResult.Status.VALIDATOR_FAULT);
    assertThat(r.verdict()).isNull();
    assertThat(r.validatorFaults()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("UPSTREAM_UNAVAILABLE");
      assertThat(f.httpStatus()).isEqualTo(500);
    });
    assertThat(r.apiCalls()).isEqualTo(3);
  }

  @Test
  void rateLimitsHonourRetryAfterThenFaultTheValidator() throws IOException {
    VerificationResult r = run(serve(n -> new Answer(429, "{}", "1", 0)), Duration.ofSeconds(5));
    assertThat(r.status()).isEqualTo(VerificationResult.Status.VALIDATOR_FAULT);
    assertThat(r.validatorFaults().get(0).code()).isEqualTo("RATE_LIMITED");
    assertThat(sleeps).allMatch(d -> d.toMillis() >= 1000);
  }

  @Test
  void a403RateLimitIsOursButA403DenialIsTheMiners() throws IOException {
    VerificationResult rate = run(serve(n -> Answer.of(403, "{\"error\":{\"code\":403,\"errors\":[{\"reason\":\"rateLimitExceeded\"}]}}")), Duration.ofSeconds(5));
    assertThat(rate.status()).isEqualTo(VerificationResult.Status.VALIDATOR_FAULT);
    server.stop(0);
    VerificationResult denied = run(serve(n -> Answer.of(403, "{\"error\":{\"code\":403,\"message\":\"denied\",\"errors\":[{\"reason\":\"forbidden\"}]}}")), Duration.ofSeconds(5));
    assertThat(denied.status()).isEqualTo(VerificationResult.Status.JUDGED);
    assertThat(denied.verdict().score()).isZero();
    assertThat(denied.faults()).singleElement().satisfies(f -> {
      assertThat(f.party()).isEqualTo(Fault.Party.MINER);
      assertThat(f.code()).isEqualTo("FORBIDDEN");
    });
  }

  @Test
  void aDisabledApiInTheMinersProjectIsTheMiners() throws IOException {
    VerificationResult r = run(serve(n -> Answer.of(403, "{\"error\":{\"code\":403,\"message\":\"Pub/Sub API has not been used\",\"errors\":[{\"reason\":\"accessNotConfigured\"}]}}")), Duration.ofSeconds(5));
    assertThat(r.status()).isEqualTo(VerificationResult.Status.JUDGED);
    assertThat(r.faults().get(0).code()).isEqualTo("API_DISABLED");
  }

  @Test
  void aRejectedTokenIsTheValidatorsFault() throws IOException {
    VerificationResult r = run(serve(n -> Answer.of(401, "{\"error\":{\"code\":401}}")), Duration.ofSeconds(5));
    assertThat(r.status()).isEqualTo(VerificationResult.Status.VALIDATOR_FAULT);
    assertThat(r.validatorFaults().get(0).code()).isEqualTo("TOKEN_REJECTED");
    assertThat(r.validatorFaults().get(0).message()).doesNotContain("tok\"").doesNotContain("Bearer");
    assertThat(r.apiCalls()).isEqualTo(1);
  }

  @Test
  void timeoutsAreRetriedThenTheValidatorsFault() throws IOException {
    VerificationResult r = run(serve(n -> new Answer(200, TOPIC_JSON, null, 1500)), Duration.ofMillis(300));
    assertThat(r.status()).isEqualTo(VerificationResult.Status.VALIDATOR_FAULT);
    assertThat(r.validatorFaults().get(0).code()).isEqualTo("TIMEOUT");
    assertThat(r.apiCalls()).isEqualTo(3);
  }

  @Test
  void notFoundIsTheMinersFault() throws IOException {
    VerificationResult r = run(serve(n -> Answer.of(404, "{\"error\":{\"code\":404,\"message\":\"Resource not found\"}}")), Duration.ofSeconds(5));
    assertThat(r.status()).isEqualTo(VerificationResult.Status.JUDGED);
    assertThat(r.verdict().score()).isZero();
    assertThat(r.faults()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("NOT_FOUND"));
    assertThat(r.apiCalls()).isEqualTo(1);
  }

  @Test
  void aPassedDeadlineIsTheValidatorsFault() throws IOException {
    URI base = serve(n -> Answer.of(200, TOPIC_JSON));
    GcpVerifier v = new GcpVerifier(new GcpHttp(GcpEndpoints.single(base), new StaticTokenSource("tok", "test")));
    VerificationResult r = v.verify(TOPIC.task(), TOPIC.state(), new VerifyRequest(P, null, JudgeMode.COMPAT, java.time.Instant.now().minusSeconds(1)));
    assertThat(r.status()).isEqualTo(VerificationResult.Status.VALIDATOR_FAULT);
    assertThat(r.validatorFaults().get(0).code()).isEqualTo("DEADLINE_EXCEEDED");
    assertThat(r.apiCalls()).isZero();
    assertThat(v.unreadyReason()).isEmpty();
  }

  @Test
  void plainHttpIsOnlyAllowedToLoopback() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GcpEndpoints.single(URI.create("http://192.0.2.10:8080")))
        .isInstanceOf(ai.alphacore.cloud.CloudError.class).hasMessageContaining("loopback");
    assertThat(GcpEndpoints.single(URI.create("https://example.test/")).base(ai.alphacore.cloud.gcp.GcpService.PUBSUB)).hasToString("https://example.test");
    assertThat(GcpEndpoints.official().base(ai.alphacore.cloud.gcp.GcpService.COMPUTE)).hasToString("https://compute.googleapis.com");
  }

  private static void answer(HttpExchange ex, Answer a) throws IOException {
    try (ex) {
      if (a.delayMs() > 0) {
        try {
          Thread.sleep(a.delayMs());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      if (a.retryAfter() != null) ex.getResponseHeaders().set("Retry-After", a.retryAfter());
      ex.sendResponseHeaders(a.status(), b.length);
      ex.getResponseBody().write(b);
    } catch (IOException e) {
      // the client timed out and left
    }
  }

  private static String topicJson() {
    var attrs = TOPIC.stateJson().path("resources").path(0).path("instances").path(0).path("attributes");
    return "{\"name\":\"projects/" + P + "/topics/" + attrs.path("name").asText() + "\",\"messageRetentionDuration\":\""
        + attrs.path("message_retention_duration").asText() + "\"}";
  }
}
