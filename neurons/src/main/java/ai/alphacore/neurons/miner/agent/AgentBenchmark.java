package ai.alphacore.neurons.miner.agent;

import ai.alphacore.cloud.cloudsim.CloudSim;
import ai.alphacore.core.judge.Judge;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.neurons.miner.Submission;
import ai.alphacore.neurons.miner.TaskRequest;
import ai.alphacore.neurons.miner.TaskSolver;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.rng.TaskSeed;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The reference agent's pass rate: seeded tasks from the generator, each solved on an
 * in-process cloudsim (loopback), the returned ZIP's terraform.tfstate judged in strict and
 * compat mode; per family pass counts and time per task (solve only: parse, plan, API deploy,
 * state rebuild, ZIP; judging excluded).
 */
public final class AgentBenchmark {
  /**
   * @param count tasks drawn as the validator draws them (any bank, any family)
   * @param perTemplate extra tasks per template (each of the 21 with its dependencies), 0 for none
   * @param hotkey solve per-miner variants for this hotkey (nonce labels), null for base tasks
   * @param sloppy bench the sloppy agent instead
   */
  public record Options(int count, long seed, int perTemplate, String hotkey, boolean sloppy) {}

  /** Counts for one family (or {@code resource:<template>}). */
  public static final class Stats {
    int tasks;
    int strictPass;
    int compatPass;
    double strictScore;
    double compatScore;
    long nanos;

    public int tasks() { return tasks; }
    public int strictPass() { return strictPass; }
    public int compatPass() { return compatPass; }
    public double strictScore() { return strictScore; }
    public double compatScore() { return compatScore; }
  }

  public record Result(Options options, Map<String, Stats> families, Stats all, long[] solveNanos, List<String> failures) {}

  private AgentBenchmark() {}

  /** {@code AgentBenchmark [count [seed [perTemplate]]]}: the bench without the CLI. */
  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    int per = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    var p = new ai.alphacore.taskgen.provider.GcpProvider();
    TaskGenerator gen = new TaskGenerator(p, new ai.alphacore.taskgen.config.ConfigLoader(p, System.getenv()).loadDefault());
    Path dir = java.nio.file.Files.createTempDirectory("alphacore-agent-bench");
    PrintWriter out = new PrintWriter(System.out, true);
    print(run(new Options(count, seed, per, null, false), gen, dir, new PrintWriter(System.err, true)), out);
  }

  public static Result run(Options o, TaskGenerator gen, Path workDir, PrintWriter progress) {
    Map<String, Stats> fam = new TreeMap<>();
    Stats all = new Stats();
    List<Long> times = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Judge strict = Judge.of(JudgeMode.STRICT);
    Judge compat = Judge.of(JudgeMode.COMPAT);
    ObjectMapper json = new ObjectMapper();
    try (CloudSim sim = CloudSim.start(new CloudSim.Config("127.0.0.1", 0, workDir.resolve("cloudsim"), false))) {
      AgentConfig cfg = AgentConfig.cloudsim("bench-miner-001", sim.baseUri(), "dev", workDir.resolve("work"), o.hotkey() == null ? "bench" : o.hotkey());
      TaskSolver agent = o.sloppy() ? new SloppyAgent(cfg) : new ReferenceAgent(cfg);
      List<GeneratedTask> tasks = new ArrayList<>();
      for (int i = 0; i < o.count(); i++) tasks.add(gen.generate(TaskSeed.ofRun(o.seed(), i), Selection.ANY));
      int k = 0;
      for (String key : gen.templateKeys()) {
        for (int j = 0; j < o.perTemplate(); j++) tasks.add(gen.generate(TaskSeed.ofRun(o.seed() + 1, k++), Selection.resource(key)));
      }
      int done = 0;
      for (GeneratedTask base : tasks) {
        GeneratedTask t = o.hotkey() == null ? base : gen.variant(base, o.hotkey());
        String family = t.family() != null ? t.family() : "resource:" + t.task().extra().path("metadata").path("generator").path("seed_template").asText();
        long t0 = System.nanoTime();
        Submission s;
        try {
          s = agent.solve(new TaskRequest(t.taskId(), t.prompt(), "bench-validator", Instant.now().plusSeconds(300)));
        } catch (Exception e) {
          s = Submission.none("threw " + e);
        }
        long dt = System.nanoTime() - t0;
        times.add(dt);
        byte[] task = json.writeValueAsBytes(t.specJson());
        byte[] state = state(s.workspaceZip());
        Verdict vs = strict.judge(task, state);
        Verdict vc = compat.judge(task, state);
        Stats f = fam.computeIfAbsent(family, x -> new Stats());
        for (Stats x : new Stats[] {f, all}) {
          x.tasks++;
          x.nanos += dt;
          x.strictScore += vs.score();
          x.compatScore += vc.score();
          if (vs.score() == 1.0) x.strictPass++;
          if (vc.score() == 1.0) x.compatPass++;
        }
        if (vs.score() < 1.0 && failures.size() < 20) failures.add(family + " " + t.taskId() + ": strict " + vs.passed() + "/" + vs.total() + "; " + s.notes());
        if (progress != null && ++done % 100 == 0) {
          progress.printf("  %d/%d tasks%n", done, tasks.size());
          progress.flush();
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    long[] ns = times.stream().mapToLong(Long::longValue).toArray();
    return new Result(o, fam, all, ns, failures);
  }

  private static byte[] state(byte[] zip) throws IOException {
    if (zip == null) return new byte[0];
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) if (e.getName().equals("terraform.tfstate")) return in.readAllBytes();
    }
    return new byte[0];
  }

  public static void print(Result r, PrintWriter out) {
    Options o = r.options();
    out.printf("%s agent: %d tasks (run seed %d%s%s), cloudsim on loopback%n", o.sloppy() ? "sloppy" : "reference", r.all().tasks(),
        o.seed(), o.perTemplate() > 0 ? ", plus " + o.perTemplate() + " per template" : "", o.hotkey() != null ? ", per-miner variants" : "");
    out.printf("%-36s %6s %18s %18s %10s%n", "family", "tasks", "strict pass", "compat pass", "ms/task");
    r.families().forEach((k, s) -> row(out, k, s));
    row(out, "all", r.all());
    out.printf("mean score: strict %.4f, compat %.4f%n", r.all().strictScore / Math.max(1, r.all().tasks()), r.all().compatScore / Math.max(1, r.all().tasks()));
    long[] ns = r.solveNanos().clone();
    Arrays.sort(ns);
    if (ns.length > 0) {
      out.printf("time per task (solve: parse, plan, deploy through the API, rebuild state, zip): mean %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms%n",
          Arrays.stream(ns).average().orElse(0) / 1e6, ns[ns.length / 2] / 1e6, ns[(int) Math.min(ns.length - 1, Math.ceil(ns.length * 0.95) - 1)] / 1e6,
          ns[ns.length - 1] / 1e6);
    }
    if (!r.failures().isEmpty()) {
      out.println("first strict failures:");
      r.failures().forEach(f -> out.println("  " + f));
    }
    out.flush();
  }

  private static void row(PrintWriter out, String name, Stats s) {
    out.printf("%-36s %6d %10d (%5.1f%%) %10d (%5.1f%%) %10.1f%n", name, s.tasks, s.strictPass, 100.0 * s.strictPass / Math.max(1, s.tasks),
        s.compatPass, 100.0 * s.compatPass / Math.max(1, s.tasks), s.nanos / 1e6 / Math.max(1, s.tasks));
  }

  /** The figures as one JSON object. */
  public static ObjectNode json(Result r) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("agent", r.options().sloppy() ? "sloppy" : "reference");
    o.put("tasks", r.all().tasks());
    o.put("seed", r.options().seed());
    o.put("strict_pass", r.all().strictPass());
    o.put("compat_pass", r.all().compatPass());
    o.put("strict_mean_score", r.all().strictScore / Math.max(1, r.all().tasks()));
    o.put("compat_mean_score", r.all().compatScore / Math.max(1, r.all().tasks()));
    long[] ns = r.solveNanos().clone();
    Arrays.sort(ns);
    o.put("mean_ms_per_task", Arrays.stream(ns).average().orElse(0) / 1e6);
    o.put("median_ms_per_task", ns.length == 0 ? 0 : ns[ns.length / 2] / 1e6);
    ObjectNode fams = o.putObject("families");
    r.families().forEach((k, s) -> fams.putObject(k).put("tasks", s.tasks).put("strict_pass", s.strictPass).put("compat_pass", s.compatPass)
        .put("ms_per_task", s.nanos / 1e6 / Math.max(1, s.tasks)));
    return o;
  }
}
