package ai.alphacore.cli.bench;

import ai.alphacore.core.judge.Judge;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.core.report.JsonReport;
import ai.alphacore.core.tfstate.StateLimits;
import ai.alphacore.core.tfstate.StateReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alphacore bench judge}: the judge over the reference corpus and over synthetic large
 * states, side by side with the Python reference's figures from the corpus README.
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
    description = {"Time the judge on the judge corpus and on synthetic 1/10/100 MB states.",
        "Run with ALPHACORE_JAVA_OPTS=-Xmx512m to check the heap target."})
public final class JudgeBench implements Callable<Integer> {
  /** Reference figures: shared/vectors/judge/README.md, "Reference timing" (CPython 3.11, same machine kind). */
  static final double REF_MEDIAN_MS = 0.30;
  static final double REF_TOTAL_S = 0.214;
  static final double REF_LARGE_MB_PER_S = 140;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Judge corpus (default: ../shared/vectors/judge beside the checkout).")
  Path corpus;

  @Option(names = "--sizes", split = ",", defaultValue = "1,10,100", paramLabel = "MB", description = "Synthetic state sizes in MB (default 1,10,100).")
  List<Integer> sizes;

  @Option(names = "--repeat", defaultValue = "5", description = "Runs per case; the median is kept (default 5, like the reference).")
  int repeat;

  @Option(names = "--mode", defaultValue = "compat", description = "compat or strict.")
  String mode;

  private record Case(String name, Path task, Path state) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    JudgeMode m = JudgeMode.parse(mode);
    Judge judge = Judge.of(m);
    Path dir = corpus != null ? corpus : defaultCorpus();
    if (dir == null || !Files.isDirectory(dir)) {
      spec.commandLine().getErr().println("error: judge corpus not found; pass --corpus DIR (shared/vectors/judge)");
      return 2;
    }
    Path tmp = Files.createTempDirectory("alphacore-bench");
    try {
      List<Case> cases = load(dir, tmp);
      out.printf("judge benchmark, mode %s, %d cases from %s, %d runs per case (median kept)%n", m.wire(), cases.size(), dir, repeat);
      corpusFigures(judge, cases, out);
      largeStateFigures(judge, cases, tmp, out);
    } finally {
      try (Stream<Path> s = Files.walk(tmp)) {
        s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
    out.flush();
    return 0;
  }

  static Path defaultCorpus() {
    for (Path p : List.of(Path.of("../shared/vectors/judge"), Path.of(System.getProperty("user.dir"), "..", "shared", "vectors", "judge"))) {
      if (Files.isDirectory(p)) return p.normalize();
    }
    return null;
  }

  private static List<Case> load(Path dir, Path tmp) throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path c : s.filter(p -> Files.isRegularFile(p.resolve("task.json"))).sorted().toList()) {
        Path state = c.resolve("terraform.tfstate");
        Path gz = c.resolve("terraform.tfstate.gz");
        if (Files.exists(gz)) {
          state = tmp.resolve(c.getFileName() + ".tfstate");
          try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, state);
          }
        }
        cases.add(new Case(c.getFileName().toString(), c.resolve("task.json"), state));
      }
    }
    return cases;
  }

  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * One run as the reference times it: the CLI code path, judging and rendering the JSON.
   * Returns {wall ns, thread CPU ns}; CPU time is what other load on the machine disturbs least.
   */
  private static long[] runOnce(Judge judge, Case c, JsonReport report) {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Verdict v = judge.judge(c.task, c.state);
    String json = report.write(v);
    long t = System.nanoTime() - t0;
    long cpu = THREADS.getCurrentThreadCpuTime() - c0;
    if (json.isEmpty()) throw new IllegalStateException();
    return new long[] {t, cpu};
  }

  private record Figures(double[] medians, double[] ordinary) {
    double total() {
      return Arrays.stream(medians).sum() / 1000;
    }

    double median() {
      double[] s = medians.clone();
      Arrays.sort(s);
      return s[s.length / 2];
    }

    double max() {
      return Arrays.stream(medians).max().orElse(0);
    }

    double ordinaryMedian() {
      double[] s = ordinary.clone();
      Arrays.sort(s);
      return s[s.length / 2];
    }

    double ordinaryMean() {
      return Arrays.stream(ordinary).average().orElse(0);
    }
  }

  /** A figure is only worth printing for correct work: every verdict must equal the reference's. */
  private static void checkVerdicts(Judge judge, List<Case> cases) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Case c : cases) {
      Path exp = c.task.getParent().resolve("expected.json");
      if (!Files.exists(exp) || judge.mode() != JudgeMode.COMPAT) continue;
      JsonNode e = json.readTree(exp.toFile());
      Verdict v = judge.judge(c.task, c.state);
      if (!v.status().equals(e.get("status").asText()) || v.passed() != e.get("passed_invariants").asInt()
          || v.total() != e.get("total_invariants").asInt()) {
        throw new IllegalStateException("verdict differs from the reference on " + c.name + "; not benchmarking wrong answers");
      }
    }
  }

  private void corpusFigures(Judge judge, List<Case> cases, PrintWriter out) throws IOException {
    checkVerdicts(judge, cases);
    JsonReport report = new JsonReport();
    for (int w = 0; w < 30; w++) for (Case c : cases) runOnce(judge, c, report); // JIT warm-up
    int n = cases.size();
    double[][] med = new double[2][n];
    for (int i = 0; i < n; i++) {
      long[][] runs = new long[2][repeat];
      for (int r = 0; r < repeat; r++) {
        long[] one = runOnce(judge, cases.get(i), report);
        runs[0][r] = one[0];
        runs[1][r] = one[1];
      }
      for (int k = 0; k < 2; k++) {
        Arrays.sort(runs[k]);
        med[k][i] = runs[k][repeat / 2] / 1e6;
      }
    }
    out.printf("%n%-34s %14s %14s %14s %12s%n", "corpus (sum or median of per-case medians)", "java wall", "java cpu", "reference", "ratio (cpu)");
    Figures wall = figures(cases, med[0]);
    Figures cpu = figures(cases, med[1]);
    out.printf("%-34s %12.3f s %12.3f s %12.3f s %11.1fx%n", "total, all cases", wall.total(), cpu.total(), REF_TOTAL_S, REF_TOTAL_S / cpu.total());
    out.printf("%-34s %11.4f ms %11.4f ms %11.2f ms %11.1fx%n", "median per case", wall.median(), cpu.median(), REF_MEDIAN_MS, REF_MEDIAN_MS / cpu.median());
    out.printf("%-34s %11.4f ms %11.4f ms %11.2f ms %11.1fx%n", "ordinary cases (no large_state)", wall.ordinaryMedian(), cpu.ordinaryMedian(), REF_MEDIAN_MS, REF_MEDIAN_MS / cpu.ordinaryMedian());
    out.printf("%-34s %11.4f ms %11.4f ms %14s%n", "ordinary cases, mean", wall.ordinaryMean(), cpu.ordinaryMean(), "");
    out.printf("%-34s %11.0f /s %11.0f /s %11.0f /s %11.1fx%n", "ordinary throughput, one thread", 1000 / wall.ordinaryMedian(), 1000 / cpu.ordinaryMedian(), 1000 / REF_MEDIAN_MS, REF_MEDIAN_MS / cpu.ordinaryMedian());
    out.printf("%-34s %11.3f ms %11.3f ms %11.1f ms%n", "max per case (large states)", wall.max(), cpu.max(), 51.3);
    inMemoryAndParallel(judge, cases, out);
  }

  /**
   * Two more readings of throughput on ordinary cases: documents already in memory (how the
   * Validation API judges after intake, with no file system calls, which cost about 8 us a file
   * on this VM), and all cores busy judging from files.
   */
  private void inMemoryAndParallel(Judge judge, List<Case> cases, PrintWriter out) throws IOException {
    List<Case> ordinary = cases.stream().filter(c -> !c.name.contains("large_state") && Files.exists(c.state)).toList();
    List<byte[][]> docs = new ArrayList<>();
    for (Case c : ordinary) docs.add(new byte[][] {Files.readAllBytes(c.task), Files.readAllBytes(c.state)});
    JsonReport report = new JsonReport();
    for (int w = 0; w < 30; w++) for (byte[][] d : docs) report.write(judge.judge(d[0], d[1]));
    double[] med = new double[docs.size()];
    for (int i = 0; i < docs.size(); i++) {
      long[] runs = new long[repeat];
      for (int r = 0; r < repeat; r++) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        report.write(judge.judge(docs.get(i)[0], docs.get(i)[1]));
        runs[r] = THREADS.getCurrentThreadCpuTime() - c0;
      }
      Arrays.sort(runs);
      med[i] = runs[repeat / 2] / 1e6;
    }
    Arrays.sort(med);
    double m = med[med.length / 2];
    out.printf("%-34s %14s %11.4f ms %11.2f ms %11.1fx%n", "ordinary, in memory: median", "", m, REF_MEDIAN_MS, REF_MEDIAN_MS / m);
    int threads = Runtime.getRuntime().availableProcessors();
    long deadline = System.nanoTime() + 3_000_000_000L;
    java.util.concurrent.atomic.LongAdder done = new java.util.concurrent.atomic.LongAdder();
    List<Thread> ts = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread th = new Thread(() -> {
        JsonReport rep = new JsonReport();
        while (System.nanoTime() < deadline) {
          for (Case c : ordinary) {
            rep.write(judge.judge(c.task, c.state));
            done.increment();
          }
        }
      });
      th.start();
      ts.add(th);
    }
    for (Thread th : ts) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    double rate = done.sum() / ((System.nanoTime() - t0) / 1e9);
    out.printf("%-34s %11.0f /s %14s %11.0f /s %11.1fx%n", "ordinary, files, " + threads + " threads", rate, "", 1000 / REF_MEDIAN_MS, rate / (1000 / REF_MEDIAN_MS));
  }

  private static Figures figures(List<Case> cases, double[] medians) {
    double[] ord = new double[cases.size()];
    int k = 0;
    for (int i = 0; i < cases.size(); i++) if (!cases.get(i).name.contains("large_state")) ord[k++] = medians[i];
    return new Figures(medians, Arrays.copyOf(ord, k));
  }

  private void largeStateFigures(Judge judge, List<Case> cases, Path tmp, PrintWriter out) throws IOException {
    Case base = cases.stream().filter(c -> c.name.contains("ideal-network_plus_pubsub")).findFirst()
        .orElse(cases.stream().filter(c -> c.name.contains("-ideal-")).findFirst().orElseThrow());
    JsonNode taskState = new ObjectMapper().readTree(Files.readAllBytes(base.state));
    StringBuilder tail = new StringBuilder();
    var res = taskState.get("resources");
    for (int i = 0; i < res.size(); i++) tail.append(i > 0 ? ",\n" : "").append(res.get(i).toString());
    out.printf("%nlarge states (task %s judged; its resources last, after filler that includes its own types)%n", base.name);
    out.printf("%-8s %10s %12s %12s %12s %14s %10s%n", "size", "judge", "judge MB/s", "parse MB/s", "reference", "peak heap", "verdict");
    StateReader parseOnly = new StateReader(StateLimits.STATE);
    Path task = base.task;
    Path warm = tmp.resolve("warm.tfstate");
    SyntheticState.write(warm, 2_000_000L, tail.toString(), 0);
    for (int w = 0; w < 10; w++) judge.judge(task, warm); // JIT warm-up on the large-state path
    for (int mb : sizes) {
      Path st = tmp.resolve("large-" + mb + ".tfstate");
      long bytes = SyntheticState.write(st, mb * 1_000_000L, tail.toString(), mb);
      double best = Double.MAX_VALUE;
      double bestParse = Double.MAX_VALUE;
      Verdict v = null;
      resetPeaks();
      for (int r = 0; r < 3; r++) {
        long t0 = System.nanoTime();
        v = judge.judge(task, st);
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        try {
          parseOnly.read(st, t -> false);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        bestParse = Math.min(bestParse, (System.nanoTime() - t1) / 1e9);
      }
      double mbs = bytes / 1e6;
      if (v.outcome() == ai.alphacore.core.judge.Outcome.ERROR) throw new IllegalStateException("large state not judged: " + v.msg());
      out.printf("%-8s %8.3f s %12.0f %12.0f %9.0f MB/s %11.0f MB %10s%n", mb + " MB", best, mbs / best, mbs / bestParse,
          REF_LARGE_MB_PER_S, peakHeapMb(), v.status() + " " + v.passed() + "/" + v.total());
      Files.delete(st);
    }
    out.printf("max heap (-Xmx): %.0f MB%n", Runtime.getRuntime().maxMemory() / 1e6);
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
  }

  private static double peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    return sum / 1e6;
  }
}
