package ai.alphacore.validation;

import static ai.alphacore.validation.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.validation.client.ValidationApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded queue with a real Retry-After; 503 before ready; retention on a schedule. */
class BackpressureTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String V = "0001-ideal-adhoc_custom_role";

  private static String asyncBody() throws Exception {
    var b = JSON.createObjectNode();
    b.put("workspace_zip_b64", Base64.getEncoder().encodeToString(Fixtures.vectorZip(V)));
    b.set("task_json", JSON.readTree(Fixtures.vectorTask(V)));
    return b.toString();
  }

  @Test
  void fullQueueAnswers429WithRetryAfterAndStoresNothing(@TempDir Path dir) throws Exception {
    ApiConfig.Builder b = Fixtures.config(dir);
    b.workers = 1;
    b.queueSize = 2;
    BlockingVerification v = new BlockingVerification();
    try (ValidationService svc = new ValidationService(b.build(), Clock.systemUTC(), v)) {
      svc.bind().initialize();
      int port = svc.port();
      String body = asyncBody();
      List<String> ids = new ArrayList<>();
      ids.add(JSON.readTree(Fixtures.postJson(port, "/v1/jobs", body).body()).get("job_id").asText());
      long end = System.nanoTime() + 10_000_000_000L;
      while (v.started.get() == 0 && System.nanoTime() < end) Thread.sleep(10);
      for (int i = 0; i < 2; i++) {
        Fixtures.Reply r = Fixtures.postJson(port, "/v1/jobs", body);
        assertThat(r.status()).isEqualTo(202);
        ids.add(JSON.readTree(r.body()).get("job_id").asText());
      }
      Fixtures.Reply full = Fixtures.postJson(port, "/v1/jobs", body);
      assertThat(full.status()).isEqualTo(429);
      assertThat(full.body()).isEqualTo("{\"detail\":\"Validator is busy; queue is full\"}");
      assertThat(Long.parseLong(full.header("Retry-After"))).isBetween(1L, 300L);
      Path zip = dir.resolve("sync.zip");
      Files.write(zip, Fixtures.vectorZip(V));
      Fixtures.Reply sync = Fixtures.postJson(port, "/validate", "{\"workspace_zip_path\":\"" + zip + "\",\"task_json\":" + Fixtures.vectorTask(V) + "}");
      assertThat(sync.status()).isEqualTo(429);
      assertThat(sync.header("Retry-After")).isNotNull();
      JsonNode h = JSON.readTree(Fixtures.get(port, "/health", null).body());
      assertThat(h.get("sandbox_queued").asInt()).isEqualTo(2);
      assertThat(h.get("sandbox_running").asInt()).isEqualTo(1);
      try (Stream<Path> s = Files.list(svc.config().submissionsDir())) {
        assertThat(s.filter(p -> p.toString().endsWith(".zip")).count()).as("refused submissions leave no files").isEqualTo(3);
      }
      v.release.countDown();
      ValidationApiClient c = new ValidationApiClient(URI.create("http://127.0.0.1:" + port), TOKEN);
      for (String id : ids) assertThat(c.await(id, Duration.ofSeconds(30)).outcome()).isEqualTo("passed");
      assertThat(Fixtures.get(port, "/metrics", TOKEN).body()).contains("alphacore_validation_rejected_total{reason=\"queue_full\"} 2.0");
    }
  }

  @Test
  void notReadyAnswers503ButHealthStillAnswers(@TempDir Path dir) throws Exception {
    try (ValidationService svc = new ValidationService(Fixtures.config(dir).build(), Clock.systemUTC())) {
      svc.bind();
      Fixtures.Reply r = Fixtures.get(svc.port(), "/validate/active", TOKEN);
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.header("Retry-After")).isEqualTo("2");
      assertThat(Fixtures.postJson(svc.port(), "/validate", "{}").status()).isEqualTo(503);
      JsonNode h = JSON.readTree(Fixtures.get(svc.port(), "/health", null).body());
      assertThat(h.get("sandbox_ready").asBoolean()).isFalse();
      assertThat(Fixtures.get(svc.port(), "/validate/active", null).status()).as("auth comes before readiness").isEqualTo(401);
      svc.initialize();
      assertThat(Fixtures.get(svc.port(), "/validate/active", TOKEN).status()).isEqualTo(200);
    }
  }

  @Test
  void retentionPurgesOldFilesThenOldRows(@TempDir Path dir) throws Exception {
    MutableClock clock = new MutableClock();
    ApiConfig.Builder b = Fixtures.config(dir);
    b.retention = Duration.ofDays(14);
    b.rowRetention = Duration.ofDays(90);
    try (ValidationService svc = new ValidationService(b.build(), clock)) {
      svc.bind().initialize();
      ValidationApiClient c = new ValidationApiClient(URI.create("http://127.0.0.1:" + svc.port()), TOKEN);
      String id = c.submit(Fixtures.vectorZip(V), JSON.readTree(Fixtures.vectorTask(V)), 30);
      ValidationApiClient.JobView j = c.await(id, Duration.ofSeconds(30));
      Path zip = Path.of(j.raw().get("submission").get("path").asText());
      Path log = Path.of(JSON.readTree(Fixtures.get(svc.port(), "/validate/" + id, TOKEN).body()).get("log_path").asText());
      assertThat(zip).exists();
      assertThat(log).exists();
      assertThat(svc.retention().run().purged()).isZero();
      clock.advance(Duration.ofDays(15));
      assertThat(svc.retention().run().purged()).isEqualTo(1);
      assertThat(zip).doesNotExist();
      assertThat(ai.alphacore.validation.job.Submissions.metaPath(zip)).doesNotExist();
      assertThat(log).doesNotExist();
      assertThat(c.job(id).orElseThrow().raw().get("submission").get("purged").asBoolean()).isTrue();
      assertThat(c.job(id).orElseThrow().score()).isEqualTo(1.0);
      clock.advance(Duration.ofDays(80));
      assertThat(svc.retention().run().rowsDeleted()).isEqualTo(1);
      assertThat(c.job(id)).isEmpty();
    }
  }
}
