package ai.alphacore.cli.taskgen;

import ai.alphacore.cli.Cli;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.TaskJson;
import ai.alphacore.taskgen.config.ConfigException;
import ai.alphacore.taskgen.family.Bank;
import ai.alphacore.taskgen.prompt.LlmClient;
import ai.alphacore.taskgen.prompt.LlmRewriter;
import ai.alphacore.taskgen.prompt.PromptChecker;
import ai.alphacore.taskgen.repository.TaskRepository;
import ai.alphacore.taskgen.rng.TaskSeed;
import ai.alphacore.taskgen.variant.Hotkeys;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore taskgen generate}: seeded tasks to stdout or to a task repository. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate tasks. The same --seed and config give byte-identical tasks.",
      "Without --out, prints one JSON document per line (--format json: the validator's TaskSpec;",
      "envelope: validator.json; miner: {task_id, prompt}) or the prompts as text (--format prompt).",
      "With --out DIR, writes DIR/<task_id>/miner.json and validator.json and prints one line per task."
    })
public final class GenerateCommand implements Callable<Integer> {
  static final int MAX_COUNT = 100_000;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TaskgenOptions opts;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Run seed (default 0); task i uses a seed derived from (N, i).")
  long seed;

  @Option(names = "--count", defaultValue = "1", paramLabel = "K", description = "Number of tasks, 1.." + MAX_COUNT + " (default 1).")
  int count;

  @Option(names = "--family", paramLabel = "F", description = "Only this composition family.")
  String family;

  @Option(names = "--resource", paramLabel = "R", description = "One template with its dependencies (e.g. dns_record_set).")
  String resource;

  @Option(names = "--bank", paramLabel = "single|composite", description = "Only this task bank.")
  String bank;

  @Option(names = {"--miner", "--hotkey"}, paramLabel = "SS58", description = "Per-miner variant for this hotkey: own names, ids and nonce.")
  String hotkey;

  @Option(names = "--out", paramLabel = "DIR", description = "Write the tasks to this task repository.")
  Path out;

  @Option(names = "--format", defaultValue = "json", paramLabel = "json|prompt|envelope|miner", description = "Output format without --out (default json).")
  String format;

  @Option(names = "--json", description = "Short for --format json; with --out, JSON summary lines.")
  boolean json;

  @Option(names = "--llm", description = "Rewrite prompts with the configured LLM (settings.llm), checked, with fallback.")
  boolean llm;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    String fmt = json ? "json" : format;
    try {
      if (count < 1 || count > MAX_COUNT) throw new ConfigException("--count is " + count + "; allowed 1.." + MAX_COUNT);
      if (!List.of("json", "prompt", "envelope", "miner").contains(fmt)) throw new ConfigException("--format is '" + fmt + "' (allowed: json, prompt, envelope, miner)");
      int chosen = (family != null ? 1 : 0) + (resource != null ? 1 : 0) + (bank != null ? 1 : 0);
      if (chosen > 1) throw new ConfigException("--family, --resource and --bank exclude each other; give at most one");
      Selection sel = Selection.ANY;
      if (family != null) sel = Selection.family(family);
      if (resource != null) sel = Selection.resource(resource);
      if (bank != null) sel = Selection.bank(Bank.parse(bank).orElseThrow(() -> new ConfigException("--bank is '" + bank + "' (allowed: single, composite)")));
      if (hotkey != null) Hotkeys.require(hotkey);
      if (out != null && Files.exists(out) && !Files.isDirectory(out)) throw new ConfigException("--out " + out + " exists and is not a directory");
      TaskGenerator gen = opts.generator();
      LlmRewriter rewriter = null;
      if (llm || gen.config().llm().enabled()) {
        var lc = gen.config().llm().withEnabled(true);
        rewriter = new LlmRewriter(lc, new LlmClient(lc), new PromptChecker(gen.provider().providerTerms()));
      }
      // Everything that can be wrong with the input fails on the first task, before any write.
      GeneratedTask first = make(gen, sel, 0);
      TaskRepository repo = out == null ? null : new TaskRepository(out);
      for (int i = 0; i < count; i++) {
        GeneratedTask t = i == 0 ? first : make(gen, sel, i);
        String source = "deterministic";
        if (rewriter != null) {
          LlmRewriter.Outcome o = rewriter.rewrite(t);
          t = o.task();
          source = o.source();
          for (String n : o.notes()) err.println("taskgen: " + t.taskId() + ": LLM " + n);
        }
        if (repo != null) {
          Path dir = repo.save(t);
          if (json) {
            ObjectNode s = TaskJson.MAPPER.createObjectNode();
            s.put("task_id", t.taskId());
            s.put("family", t.family());
            s.put("resources", t.resourceCount());
            s.put("prompt_source", source);
            s.put("dir", dir.toString());
            stdout.println(TaskJson.line(s));
          } else {
            stdout.println(t.taskId() + "  " + (t.family() == null ? "resource" : t.family()) + "  " + plural(t.resourceCount()) + "  " + dir);
          }
        } else {
          print(stdout, fmt, t);
        }
      }
      stdout.flush();
      return 0;
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
  }

  private GeneratedTask make(TaskGenerator gen, Selection sel, int i) {
    GeneratedTask t = gen.generate(TaskSeed.ofRun(seed, i), sel);
    return hotkey == null ? t : gen.variant(t, hotkey);
  }

  static String plural(int n) {
    return n == 1 ? "1 resource" : n + " resources";
  }

  static void print(PrintWriter out, String fmt, GeneratedTask t) {
    switch (fmt) {
      case "prompt" -> {
        out.println("# task " + t.taskId() + " (" + (t.family() == null ? "resource" : t.family()) + ", " + plural(t.resourceCount()) + ")");
        out.println(t.prompt());
        out.println();
      }
      case "envelope" -> out.println(TaskJson.line(t.validatorJson()));
      case "miner" -> out.println(TaskJson.line(t.minerView()));
      default -> out.println(TaskJson.line(t.specJson()));
    }
  }
}
