package ai.alphacore.cli.taskgen;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alphacore taskgen}: generate tasks, list what a config allows, check prompts, benchmark. */
@Command(
    name = "taskgen",
    mixinStandardHelpOptions = true,
    description = {
      "Generate Terraform-on-GCP tasks with machine-checkable invariants (validator side).",
      "Exit codes: 0 ok, 1 a check found problems, 2 bad input or usage."
    },
    subcommands = {GenerateCommand.class, ListCommand.class, VariantCommand.class, CheckCommand.class, BenchCommand.class})
public final class TaskgenCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
