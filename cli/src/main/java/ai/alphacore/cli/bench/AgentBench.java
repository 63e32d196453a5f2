package ai.alphacore.cli.bench;

import ai.alphacore.neurons.miner.agent.AgentBenchmark;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.config.ConfigException;
import ai.alphacore.taskgen.config.ConfigLoader;
import ai.alphacore.taskgen.provider.GcpProvider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alphacore bench agent}: the reference agent's pass rate over seeded tasks, solved on an
 * in-process cloudsim on loopback and judged in strict and compat mode, per family, with the time
 * per task.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "Pass rate and time per task of the reference (or sloppy) agent on seeded tasks, on a loopback cloudsim.")
public final class AgentBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--count", defaultValue = "1000", paramLabel = "N", description = "Tasks drawn as the validator draws them (default 1000).")
  int count;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Run seed (default 1).")
  long seed;

  @Option(names = "--per-template", defaultValue = "0", paramLabel = "N", description = "Also N tasks of each of the 21 templates (default 0).")
  int perTemplate;

  @Option(names = "--miner", paramLabel = "SS58", description = "Solve per-miner variants for this hotkey (nonce labels).")
  String hotkey;

  @Option(names = "--sloppy", description = "Bench the sloppy agent instead.")
  boolean sloppy;

  @Option(names = "--config", paramLabel = "FILE", description = "Task generation config (default: the bundled task_config.yaml).")
  Path config;

  @Option(names = "--json", description = "One JSON object instead of the table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (count < 0 || count > 100_000 || perTemplate < 0 || perTemplate > 1000 || count + perTemplate == 0) {
      err.println("error: --count must be 0..100000 and --per-template 0..1000, not both 0");
      return 2;
    }
    TaskGenerator gen;
    try {
      GcpProvider p = new GcpProvider();
      ConfigLoader loader = new ConfigLoader(p, System.getenv());
      gen = new TaskGenerator(p, config == null ? loader.loadDefault() : loader.load(config));
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    Path dir = Files.createTempDirectory("alphacore-bench-agent");
    try {
      AgentBenchmark.Result r = AgentBenchmark.run(new AgentBenchmark.Options(count, seed, perTemplate, hotkey, sloppy), gen, dir, json ? null : err);
      if (json) out.println(AgentBenchmark.json(r));
      else AgentBenchmark.print(r, out);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    out.flush();
    return 0;
  }
}
