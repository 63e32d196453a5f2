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
      ai.alphacore.cli.localnet.LocalnetCommand.class,
      ai.alphacore.cli.neuron.ValidatorCommand.class,
      ai.alphacore.cli.neuron.MinerCommand.class,
      ai.alphacore.cli.judge.ValidateCommand.class,
      ai.alphacore.cli.bench.BenchCommand.class,
      ai.alphacore.cli.wallet.WalletCommand.class,
      ai.alphacore.cli.keys.KeysCommand.class,
      ai.alphacore.cli.taskgen.TaskgenCommand.class,
      ai.alphacore.cli.validation.ValidationApiCommand.class,
      ai.alphacore.cli.cloud.CloudCommand.class,
      ai.alphacore.cli.cloud.CloudsimCommand.class,
      ai.alphacore.cli.sandbox.SandboxCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (0 ok, 1 negative result, 2 bad input or usage). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The command tree; benchmarks owned by other modules' commands hang under {@code bench}. */
  static picocli.CommandLine commandLine() {
    picocli.CommandLine cl = Cli.newCommandLine(new Main());
    cl.getSubcommands().get("bench").addSubcommand("taskgen", new ai.alphacore.cli.taskgen.BenchCommand());
    cl.getSubcommands().get("bench").addSubcommand("cloud", new ai.alphacore.cli.cloud.CloudBenchCommand());
    return cl;
  }

  /** Runs the CLI with the given output streams (tests use this to capture output). */
  public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    picocli.CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    int rc = cl.execute(args);
    out.flush();
    err.flush();
    return rc;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
