package ai.alphacore.cli.judge;

import ai.alphacore.cli.Cli;
import ai.alphacore.core.judge.Judge;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Outcome;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.core.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore validate}: judge a task against a Terraform state. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a task's invariants against a terraform.tfstate and explain the verdict.",
      "Exit codes: 0 pass, 1 fail, 2 bad input or usage (in compat mode, inputs the reference",
      "scores as a fail, such as a missing or broken state, exit 1 like the reference)."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  static final class Inputs {
    @ArgGroup(exclusive = false)
    Files2 files;

    @Option(names = "--folder", paramLabel = "DIR",
        description = "A folder holding validator.json (or task.json) and terraform.tfstate.")
    Path folder;
  }

  static final class Files2 {
    @Option(names = "--task", required = true, paramLabel = "FILE", description = "The task JSON (TaskSpec or {\"task\": ...}).")
    Path task;

    @Option(names = "--state", required = true, paramLabel = "FILE", description = "The terraform.tfstate to judge.")
    Path state;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Inputs inputs;

  @Option(names = "--mode", defaultValue = "compat", paramLabel = "compat|strict",
      description = "compat (default): the Python reference's verdict; strict: the fixed judge.")
  String mode;

  @Option(names = "--format", defaultValue = "text", paramLabel = "json|text|junit|sarif", description = "Output format (default: text).")
  String format;

  @Option(names = "--json", description = "Short for --format json.")
  boolean json;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    JudgeMode m;
    ReportWriter writer;
    try {
      m = JudgeMode.parse(mode);
      writer = ReportWriter.forFormat(json ? "json" : format);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
    Path task;
    Path state;
    if (inputs.folder != null) {
      if (!Files.isDirectory(inputs.folder)) {
        err.println("error: --folder " + inputs.folder + " is not a directory");
        return Cli.EXIT_USAGE;
      }
      task = List.of("validator.json", "task.json").stream().map(inputs.folder::resolve).filter(Files::isRegularFile)
          .findFirst().orElse(null);
      if (task == null) {
        err.println("error: " + inputs.folder + " holds neither validator.json nor task.json");
        return Cli.EXIT_USAGE;
      }
      state = inputs.folder.resolve("terraform.tfstate");
    } else {
      task = inputs.files.task;
      state = inputs.files.state;
    }
    Verdict v = Judge.of(m).judge(task, state);
    spec.commandLine().getOut().print(writer.write(v));
    spec.commandLine().getOut().flush();
    if (v.error() != null) err.println("alphacore validate: " + v.error().code() + ": " + v.error().message() + " (" + v.error().hint() + ")");
    return exitCode(v);
  }

  /** 0 pass, 1 fail, 2 when nothing could be judged (compat keeps the reference's fail as 1). */
  public static int exitCode(Verdict v) {
    if (Verdict.ERROR.equals(v.status())) return Cli.EXIT_USAGE;
    if (v.mode() == JudgeMode.STRICT && v.outcome() == Outcome.ERROR) return Cli.EXIT_USAGE;
    return Verdict.PASS.equals(v.status()) ? 0 : 1;
  }
}
