package ai.alphacore.cli.taskgen;

import ai.alphacore.cli.Cli;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.TaskJson;
import ai.alphacore.taskgen.config.ConfigException;
import ai.alphacore.taskgen.rng.TaskSeed;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alphacore taskgen bench}: generation rate (deterministic prompts) and task sizes per
 * family. The alias lets {@code alphacore bench} register it as {@code alphacore bench taskgen}.
 */
@Command(name = "bench", aliases = "taskgen", mixinStandardHelpOptions = true,
    description = {"Generate tasks in-process (task JSON serialized, deterministic prompts) and print tasks per second",
        "and the distribution of task sizes (Terraform resources per task) per family."})
public final class BenchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TaskgenOptions opts;

  @Option(names = "--count", defaultValue = "20000", paramLabel = "N", description = "Tasks to time (default 20000).")
  int count;

  @Option(names = "--warmup", defaultValue = "2000", paramLabel = "N", description = "Untimed tasks first (JIT warm-up, default 2000).")
  int warmup;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Run seed (default 1).")
  long seed;

  @Option(names = "--json", description = "One JSON object instead of the table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TaskGenerator gen;
    try {
      if (count < 1 || count > 10_000_000) throw new ConfigException("--count is " + count + "; allowed 1..10000000");
      if (warmup < 0 || warmup > 1_000_000) throw new ConfigException("--warmup is " + warmup + "; allowed 0..1000000");
      gen = opts.generator();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
    long bytes = 0;
    for (int i = 0; i < warmup; i++) bytes += TaskJson.line(gen.generate(TaskSeed.ofRun(seed + 1, i), Selection.ANY).validatorJson()).length();
    Map<String, Map<Integer, Integer>> sizes = new TreeMap<>();
    bytes = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      GeneratedTask t = gen.generate(TaskSeed.ofRun(seed, i), Selection.ANY);
      bytes += TaskJson.line(t.validatorJson()).length();
      sizes.computeIfAbsent(t.family(), k -> new TreeMap<>()).merge(t.resourceCount(), 1, Integer::sum);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double rate = count / secs;
    if (json) {
      ObjectNode o = TaskJson.MAPPER.createObjectNode();
      o.put("tasks", count);
      o.put("seconds", secs);
      o.put("tasks_per_second", Math.round(rate));
      o.put("mean_task_json_bytes", bytes / count);
      ObjectNode fams = o.putObject("families");
      sizes.forEach((f, m) -> {
        ObjectNode x = fams.putObject(f);
        m.forEach((k, v) -> x.put(String.valueOf(k), v));
      });
      out.println(TaskJson.line(o));
    } else {
      out.printf("generated %d tasks in %.2f s: %.0f tasks/s (deterministic prompts, validator.json serialized, mean %d bytes)%n",
          count, secs, rate, bytes / count);
      out.printf("%-30s %7s  %s%n", "family", "tasks", "resources per task: share of the family's tasks");
      sizes.forEach((f, m) -> {
        int n = m.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(String.format("%d: %4.1f%%  ", k, 100.0 * v / n)));
        out.printf("%-30s %7d  %s%n", f, n, sb.toString().trim());
      });
      Map<Integer, Integer> all = new TreeMap<>();
      sizes.values().forEach(m -> m.forEach((k, v) -> all.merge(k, v, Integer::sum)));
      StringBuilder sb = new StringBuilder();
      all.forEach((k, v) -> sb.append(String.format("%d: %4.1f%%  ", k, 100.0 * v / count)));
      out.printf("%-30s %7d  %s%n", "(all)", count, sb.toString().trim());
    }
    out.flush();
    return 0;
  }
}
