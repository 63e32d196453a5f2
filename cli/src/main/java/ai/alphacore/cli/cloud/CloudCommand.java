package ai.alphacore.cli.cloud;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alphacore cloud}: verification against a live cloud, and its benchmark. */
@Command(
    name = "cloud",
    mixinStandardHelpOptions = true,
    description = "Verify submissions from live cloud reads (no miner code runs).",
    subcommands = {CloudVerifyCommand.class, CloudBenchCommand.class})
public final class CloudCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
