package ai.alphacore.cli.taskgen;

import ai.alphacore.cli.Cli;
import ai.alphacore.core.task.TaskFormatException;
import ai.alphacore.core.task.TaskReader;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.config.ConfigException;
import ai.alphacore.taskgen.rng.TaskSeed;
import ai.alphacore.taskgen.variant.Hotkeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore taskgen variant}: a stored base task instantiated for one miner. */
@Command(name = "variant", mixinStandardHelpOptions = true,
    description = {"Instantiate a generated task (validator.json or TaskSpec) for a miner hotkey:",
        "same structure, the miner's own names, ids and nonce. Needs the config the task was made with."})
public final class VariantCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TaskgenOptions opts;

  @Option(names = "--task", required = true, paramLabel = "FILE", description = "The base task.")
  Path task;

  @Option(names = {"--miner", "--hotkey"}, required = true, paramLabel = "SS58", description = "The miner's hotkey.")
  String hotkey;

  @Option(names = "--format", defaultValue = "json", paramLabel = "json|prompt|envelope|miner", description = "Output format (default json).")
  String format;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    try {
      Hotkeys.require(hotkey);
      JsonNode root = new TaskReader().readTree(task);
      JsonNode t = root.has("task") ? root.get("task") : root;
      JsonNode g = t.path("metadata").path("generator");
      if (!g.has("seed")) throw new ConfigException(task + " was not made by alphacore taskgen (no metadata.generator.seed)");
      if (g.has("miner_hotkey")) throw new ConfigException(task + " is already a variant for " + g.get("miner_hotkey").asText());
      long seed = Long.parseUnsignedLong(g.get("seed").asText(), 16);
      TaskGenerator gen = opts.generator();
      String family = t.path("metadata").path("composition_family").asText(null);
      Selection sel = family != null ? Selection.family(family) : Selection.resource(g.path("seed_template").asText());
      GeneratedTask base = gen.generate(TaskSeed.base(seed), sel);
      if (!base.taskId().equals(t.path("task_id").asText())) {
        throw new ConfigException(task + " does not regenerate to the same task under this config; pass the --config it was generated with");
      }
      GenerateCommand.print(spec.commandLine().getOut(), format, gen.variant(base, hotkey));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (TaskFormatException | ConfigException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
  }
}
