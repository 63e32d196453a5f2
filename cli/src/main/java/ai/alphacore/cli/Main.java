package ai.alphacore.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code alphacore} command: one entry point wiring every module's subcommands. */
@Command(
    name = "alphacore",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "AlphaCore: a Bittensor subnet marketplace for autonomous DevOps agents.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ai.alphacore.cli.judge.ValidateCommand.class,
      ai.alphacore.cli.cloud.CloudCommand.class,
      ai.alphacore.cli.cloud.CloudsimCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (0 ok, 1 negative result, 2 bad input or usage). */
  public static int execute(String... args) {
    return Cli.newCommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
