package ai.alphacore.cloud.bench;

import ai.alphacore.cloud.CloudError;
import ai.alphacore.cloud.auth.StaticTokenSource;
import ai.alphacore.cloud.cloudsim.CloudSim;
import ai.alphacore.cloud.cloudsim.StateDeployer;
import ai.alphacore.cloud.gcp.GcpEndpoints;
import ai.alphacore.cloud.gcp.GcpHttp;
import ai.alphacore.cloud.verify.GcpVerifier;
import ai.alphacore.cloud.verify.VerificationResult;
import ai.alphacore.cloud.verify.VerifyRequest;
import ai.alphacore.core.judge.JudgeMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Verification time and API calls per task against cloudsim: every ideal vector of the judge
 * corpus is deployed once through cloudsim's API, then verified {@code rounds} times each.
 * Everything runs on loopback; the figures measure our code plus SQLite, not Google's latency.
 */
public final class CloudBench {
  /** One task's figures. Times in microseconds. */
  public record TaskStats(String name, int resources, int apiCalls, long p50Micros, long p99Micros, double score) {}

  /** All tasks: percentiles over every verification of every task. */
  public record Report(List<TaskStats> tasks, int verifications, long p50Micros, long p99Micros, long maxMicros,
      double meanApiCalls, int maxApiCalls) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CloudBench() {}

  public static Report run(Path judgeVectors, int rounds, Path dataDir) {
    if (rounds < 1) throw new CloudError(CloudError.Code.BAD_REQUEST, "rounds must be >= 1");
    List<Path> dirs = ideal(judgeVectors);
    List<TaskStats> stats = new ArrayList<>();
    List<Long> all = new ArrayList<>();
    try (CloudSim sim = CloudSim.start(new CloudSim.Config("127.0.0.1", 0, dataDir, false))) {
      GcpVerifier verifier = new GcpVerifier(new GcpHttp(GcpEndpoints.single(sim.baseUri()), new StaticTokenSource("dev", "bench")));
      StateDeployer deployer = new StateDeployer(sim.baseUri(), "dev");
      for (Path d : dirs) {
        JsonNode task = read(d.resolve("task.json"));
        byte[] state = bytes(d.resolve("terraform.tfstate"));
        JsonNode stateJson = read(d.resolve("terraform.tfstate"));
        String project = project(stateJson);
        deployer.deploy(stateJson, project);
        VerifyRequest req = new VerifyRequest(project, null, JudgeMode.COMPAT);
        verifier.verify(task, state, req); // warm-up
        long[] t = new long[rounds];
        VerificationResult last = null;
        for (int i = 0; i < rounds; i++) {
          long t0 = System.nanoTime();
          last = verifier.verify(task, state, req);
          t[i] = (System.nanoTime() - t0) / 1000;
          all.add(t[i]);
        }
        Arrays.sort(t);
        int resources = last.rebuiltState().path("resources").size();
        double score = last.verdict() == null ? Double.NaN : last.verdict().score();
        stats.add(new TaskStats(d.getFileName().toString(), resources, last.apiCalls(), pct(t, 50), pct(t, 99), score));
      }
    }
    long[] a = all.stream().mapToLong(Long::longValue).sorted().toArray();
    double mean = stats.stream().mapToInt(TaskStats::apiCalls).average().orElse(0);
    int max = stats.stream().mapToInt(TaskStats::apiCalls).max().orElse(0);
    return new Report(stats, a.length, pct(a, 50), pct(a, 99), a.length == 0 ? 0 : a[a.length - 1], mean, max);
  }

  static long pct(long[] sorted, int p) {
    if (sorted.length == 0) return 0;
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static List<Path> ideal(Path dir) {
    if (!Files.isDirectory(dir)) throw new CloudError(CloudError.Code.BAD_REQUEST, "judge vectors not found at " + dir);
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> out = s.filter(p -> p.getFileName().toString().contains("-ideal-") && Files.isRegularFile(p.resolve("task.json")))
          .sorted(Comparator.naturalOrder()).toList();
      if (out.isEmpty()) throw new CloudError(CloudError.Code.BAD_REQUEST, "no ideal vectors (NNNN-ideal-*) in " + dir);
      return out;
    } catch (IOException e) {
      throw new CloudError(CloudError.Code.BAD_REQUEST, "cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String project(JsonNode state) {
    Map<String, Integer> n = new HashMap<>();
    for (JsonNode r : state.path("resources")) {
      for (JsonNode i : r.path("instances")) {
        String p = i.path("attributes").path("project").asText("");
        if (!p.isEmpty()) n.merge(p, 1, Integer::sum);
      }
    }
    return n.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("bench-project-1");
  }

  private static JsonNode read(Path p) {
    try {
      return MAPPER.readTree(p.toFile());
    } catch (IOException e) {
      throw new CloudError(CloudError.Code.BAD_REQUEST, "cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new CloudError(CloudError.Code.BAD_REQUEST, "cannot read " + p + ": " + e.getMessage(), e);
    }
  }
}
