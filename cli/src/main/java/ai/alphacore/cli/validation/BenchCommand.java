package ai.alphacore.cli.validation;

import picocli.CommandLine.Command;

/** {@code alphacore bench}: load benchmarks, kept out of the unit tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Load benchmarks.",
    subcommands = {BenchValidationApiCommand.class})
public final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
