package ai.alphacore.cli.validation;

import ai.alphacore.cli.Cli;
import ai.alphacore.validation.ApiConfig;
import ai.alphacore.validation.ValidationService;
import ai.alphacore.validation.job.JobRecord;
import ai.alphacore.validation.job.JobState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Drives an in-process Validation API on 127.0.0.1 (verification state) with synchronous
 * POST /validate calls, as the Python validator makes them: first closed-loop to find capacity,
 * then open-loop at 2x that rate to measure 429s; finally checks no job was lost or duplicated.
 */
@Command(name = "validation-api", mixinStandardHelpOptions = true,
    description = "Benchmark the Validation API on loopback: validations/s, p50/p99 latency, 429 rate at 2x capacity.")
public final class BenchValidationApiCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String TASK = "{\"task_id\":\"bench-task\",\"invariants\":[{\"resource_type\":\"google_storage_bucket\","
      + "\"match\":{\"values.name\":\"bench-bucket\",\"values.location\":\"US\"}}]}";
  static final String STATE = "{\"version\":4,\"terraform_version\":\"1.14.0\",\"serial\":1,\"lineage\":\"x\",\"outputs\":{},"
      + "\"resources\":[{\"mode\":\"managed\",\"type\":\"google_storage_bucket\",\"name\":\"b\",\"provider\":"
      + "\"provider[\\\"registry.terraform.io/hashicorp/google\\\"]\",\"instances\":[{\"schema_version\":0,\"attributes\":"
      + "{\"name\":\"bench-bucket\",\"location\":\"US\",\"project\":\"p\"}}]}]}";
  static final String MAIN_TF = "terraform {\n  required_providers {\n    google = { source = \"hashicorp/google\" }\n  }\n}\n"
      + "resource \"google_storage_bucket\" \"b\" {\n  name     = \"bench-bucket\"\n  location = \"US\"\n}\n";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "10", description = "Length of each measured phase (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--workers", defaultValue = "4", description = "Service workers (default ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--queue-size", defaultValue = "64", description = "Service queue bound (default ${DEFAULT-VALUE}).")
  int queueSize;

  @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients in the capacity phase (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--fsync", description = "fsync submissions and commits (durable against power loss).")
  boolean fsync;

  record Sample(int status, long nanos, String jobId) {}

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    if (seconds < 1 || workers < 1 || queueSize < 1 || clients < 1) {
      spec.commandLine().getErr().println("error: --seconds, --workers, --queue-size and --clients must be positive");
      return Cli.EXIT_USAGE;
    }
    ai.alphacore.validation.logging.JsonLogging.install("WARN");
    Path dir = Files.createTempDirectory("alphacore-bench-");
    Path zip = dir.resolve("submission.zip");
    Files.write(zip, zip());
    byte[] tok = new byte[24];
    new SecureRandom().nextBytes(tok);
    String token = HexFormat.of().formatHex(tok);
    ApiConfig.Builder b = ApiConfig.builder(dir.resolve("data"));
    b.port = 0;
    b.token = token;
    b.archiveRoot = dir;
    b.workers = workers;
    b.queueSize = queueSize;
    b.fullSync = fsync;
    int rc;
    try (ValidationService svc = new ValidationService(b.build(), Clock.systemUTC())) {
      svc.bind().initialize();
      String body = "{\"workspace_zip_path\":" + JSON.writeValueAsString(zip.toString()) + ",\"task_json\":" + TASK
          + ",\"timeout_s\":60,\"net_checks\":false,\"stream_log\":false,\"quiet_kernel\":true}";
      ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor();
      HttpClient http = HttpClient.newBuilder().executor(vt).version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + svc.port() + "/validate"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
      List<Sample> all = java.util.Collections.synchronizedList(new ArrayList<>());

      closedLoop(http, req, clients, 3, all); // warm-up: not in the figures, but in the consistency check
      List<Sample> cap = closedLoop(http, req, clients, seconds, all);
      long ok = cap.stream().filter(s -> s.status == 200).count();
      double rate = ok / (double) seconds;
      out.printf("capacity (closed loop, %d clients, %d s): %.0f validations/s, p50 %.1f ms, p99 %.1f ms, non-200: %d%n",
          clients, seconds, rate, pct(cap, 0.50), pct(cap, 0.99), cap.size() - ok);

      List<Sample> over = openLoop(http, req, 2 * rate, seconds, vt, all);
      long o200 = over.stream().filter(s -> s.status == 200).count();
      long o429 = over.stream().filter(s -> s.status == 429).count();
      out.printf("overload (open loop at 2x = %.0f req/s, %d s): sent %d, 200: %d (%.0f/s), 429: %d (%.1f%%), other: %d, "
              + "p50 %.1f ms, p99 %.1f ms (200s only)%n", 2 * rate, seconds, over.size(), o200, o200 / (double) seconds, o429,
          100.0 * o429 / Math.max(1, over.size()), over.size() - o200 - o429, pct(over, 0.50), pct(over, 0.99));

      rc = consistency(svc, all, out);
      vt.shutdownNow();
    }
    deleteQuietly(dir);
    return rc;
  }

  private int consistency(ValidationService svc, List<Sample> all, java.io.PrintWriter out) {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    long dupes = 0;
    for (Sample s : all) if (s.status == 200 && !seen.add(s.jobId)) dupes++;
    List<JobRecord> rows = svc.store().all(10_000_000);
    long unfinished = rows.stream().filter(j -> !j.state().finished()).count();
    long notPassed = rows.stream().filter(j -> j.state() != JobState.DONE).count();
    long retried = rows.stream().filter(j -> j.attempts() != 1).count();
    Set<String> stored = ConcurrentHashMap.newKeySet();
    rows.forEach(j -> stored.add(j.jobId()));
    long missing = seen.stream().filter(id -> !stored.contains(id)).count();
    long extra = rows.size() - seen.size();
    out.printf("consistency: %d accepted, %d job rows, duplicated ids %d, lost %d, rows without a 200 %d, unfinished %d, "
        + "not passed %d, attempts != 1: %d%n", seen.size(), rows.size(), dupes, missing, extra, unfinished, notPassed, retried);
    boolean good = dupes == 0 && missing == 0 && extra == 0 && unfinished == 0 && notPassed == 0 && retried == 0;
    out.println(good ? "consistency: OK (no lost or duplicated job)" : "consistency: FAILED");
    return good ? 0 : 1;
  }

  private static List<Sample> closedLoop(HttpClient http, HttpRequest req, int clients, int secs, List<Sample> all)
      throws InterruptedException {
    List<Sample> out = java.util.Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(secs);
    List<Thread> ts = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      ts.add(Thread.ofVirtual().start(() -> {
        while (System.nanoTime() < end) {
          Sample s = call(http, req);
          if (s == null) continue;
          out.add(s);
          all.add(s);
        }
      }));
    }
    for (Thread t : ts) t.join();
    return out;
  }

  private static List<Sample> openLoop(HttpClient http, HttpRequest req, double rate, int secs, ExecutorService vt, List<Sample> all)
      throws InterruptedException {
    List<Sample> out = java.util.Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long n = (long) (rate * secs);
    AtomicLong inflight = new AtomicLong();
    for (long i = 0; i < n; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
      inflight.incrementAndGet();
      vt.submit(() -> {
        try {
          Sample s = call(http, req);
          if (s != null) {
            out.add(s);
            all.add(s);
          }
        } finally {
          inflight.decrementAndGet();
        }
      });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (inflight.get() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
    return out;
  }

  private static Sample call(HttpClient http, HttpRequest req) {
    long t0 = System.nanoTime();
    try {
      HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      String id = r.headers().firstValue("X-Acore-Job-Id").orElse(null);
      if (r.statusCode() == 200) {
        JsonNode n = JSON.readTree(r.body());
        if (!"pass".equals(n.path("result").path("status").asText())) return new Sample(-1, System.nanoTime() - t0, id);
      }
      return new Sample(r.statusCode(), System.nanoTime() - t0, id);
    } catch (Exception e) {
      return new Sample(0, System.nanoTime() - t0, null);
    }
  }

  private static double pct(List<Sample> samples, double p) {
    long[] ok = samples.stream().filter(s -> s.status == 200).mapToLong(Sample::nanos).toArray();
    if (ok.length == 0) return Double.NaN;
    Arrays.sort(ok);
    return ok[Math.min(ok.length - 1, (int) Math.ceil(p * ok.length) - 1)] / 1e6;
  }

  static byte[] zip() throws java.io.IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bo)) {
      for (var e : Map.of("main.tf", MAIN_TF, "terraform.tfstate", STATE).entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return bo.toByteArray();
  }

  private static void deleteQuietly(Path dir) {
    try {
      ai.alphacore.sandbox.intake.Workspace.deleteTree(dir);
    } catch (java.io.IOException ignored) {
      // a temp dir; the OS cleans it
    }
  }
}
