package ai.alphacore.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.validation.client.ValidationApiClient;
import ai.alphacore.validation.store.PostgresSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real service JVM with SIGKILL while jobs run, restarts it on the same data, and checks
 * that nothing was lost: queued jobs run, running ones are retried once and say so.
 */
class CrashRecoveryTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String V = "0001-ideal-adhoc_custom_role";

  record Child(Process process, int port) {}

  static Child spawn(Path data, Path root, long delayMs, String dbUrl) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), data.toString(), root.toString(), Long.toString(delayMs)));
    if (dbUrl != null) cmd.add(dbUrl);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
    String line;
    while ((line = r.readLine()) != null) {
      if (line.startsWith("PORT ")) return new Child(p, Integer.parseInt(line.substring(5).strip()));
    }
    throw new AssertionError("child exited with " + p.waitFor());
  }

  @Test
  void killMinus9MidRunLosesNothingWithSqlite(@TempDir Path dir) throws Exception {
    run(dir, null);
  }

  @Test
  void killMinus9MidRunLosesNothingWithPostgres(@TempDir Path dir) throws Exception {
    run(dir, PostgresSupport.freshSchemaUrl());
  }

  private void run(Path dir, String dbUrl) throws Exception {
    Path data = dir.resolve("data");
    byte[] zip = Fixtures.vectorZip(V);
    JsonNode task = JSON.readTree(Fixtures.vectorTask(V));
    Child first = spawn(data, dir, 60_000, dbUrl);
    List<String> ids = new ArrayList<>();
    try {
      ValidationApiClient c = new ValidationApiClient(URI.create("http://127.0.0.1:" + first.port()), Fixtures.TOKEN);
      for (int i = 0; i < 6; i++) ids.add(c.submit(zip, task, 120));
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (c.health().running() < 2 && System.nanoTime() < end) Thread.sleep(20);
      assertThat(c.health().running()).as("two jobs mid-run").isEqualTo(2);
      assertThat(c.health().queued()).isEqualTo(4);
    } finally {
      first.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
      assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(first.process().exitValue()).isEqualTo(137);

    Child second = spawn(data, dir, 0, dbUrl);
    try {
      ValidationApiClient c = new ValidationApiClient(URI.create("http://127.0.0.1:" + second.port()), Fixtures.TOKEN);
      int interrupted = 0;
      for (String id : ids) {
        ValidationApiClient.JobView j = c.await(id, Duration.ofSeconds(60));
        assertThat(j.status()).as(id).isEqualTo("done");
        assertThat(j.outcome()).isEqualTo("passed");
        assertThat(j.score()).isEqualTo(1.0);
        if (j.interruptions() > 0) {
          interrupted++;
          assertThat(j.interruptions()).isEqualTo(1);
          assertThat(j.attempts()).isEqualTo(2);
          assertThat(j.raw().get("interrupted").asBoolean()).isTrue();
          assertThat(j.result().get("interruptions").asInt()).isEqualTo(1);
          assertThat(c.log(id, 100)).contains("interrupted: the service stopped during attempt 1; re-queued")
              .contains("retry: the previous attempt was interrupted");
        } else {
          assertThat(j.attempts()).isEqualTo(1);
        }
      }
      assertThat(interrupted).as("the two running jobs were retried, visibly").isEqualTo(2);
      try (var s = Files.list(data.resolve("submissions"))) {
        assertThat(s.filter(p -> p.toString().endsWith(".tmp")).toList()).as("no partial writes").isEmpty();
      }
      assertThat(Fixtures.get(second.port(), "/metrics", Fixtures.TOKEN).body())
          .contains("alphacore_validation_interrupted_total{action=\"requeued\"} 2.0");
    } finally {
      second.process().destroyForcibly();
      second.process().waitFor(20, TimeUnit.SECONDS);
    }
  }
}
