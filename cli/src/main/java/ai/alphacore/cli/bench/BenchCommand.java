package ai.alphacore.cli.bench;

import picocli.CommandLine.Command;

/** {@code alphacore bench}: benchmarks that print figures (never timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures against the baselines the issues name.",
    subcommands = {JudgeBench.class, BittensorBenchCommand.class, ai.alphacore.cli.validation.BenchValidationApiCommand.class})
public final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
