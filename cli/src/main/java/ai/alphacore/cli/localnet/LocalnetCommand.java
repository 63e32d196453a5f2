package ai.alphacore.cli.localnet;

import ai.alphacore.cli.Cli;
import ai.alphacore.neurons.localnet.Localnet;
import ai.alphacore.neurons.localnet.LocalnetConfig;
import ai.alphacore.neurons.localnet.LocalnetReport;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore localnet}: the whole subnet on loopback in one command (the README's first). */
@Command(name = "localnet", mixinStandardHelpOptions = true,
    description = {
      "Start, on loopback, a local chain, cloudsim, the Validation API, one validator and N miners (a reference agent,",
      "a sloppy agent, an offline miner, a copycat), run K rounds and print scores, failed invariants and chain weights.",
      "Exit 0 when the run is healthy (the reference agent wins every round; offline and copycat score 0)."})
public final class LocalnetCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--miners", defaultValue = "4", description = "Miners (default ${DEFAULT-VALUE}).")
  int miners;

  @Option(names = "--rounds", defaultValue = "3", description = "Validator rounds (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the network's files here (default: a new temporary directory).")
  Path dataDir;

  @Option(names = "--report", paramLabel = "DIR", description = "Write summary.json and report.html here.")
  Path report;

  @Option(names = "--seed", defaultValue = "1", description = "Seed for keys, projects and tasks (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    Path dir = dataDir != null ? dataDir : Files.createTempDirectory("alphacore-localnet-");
    LocalnetConfig cfg;
    try {
      cfg = new LocalnetConfig(miners, rounds, dir, report, seed, out);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
    out.printf("alphacore localnet: %d miners, %d rounds, data in %s%n", miners, rounds, dir);
    LocalnetReport r = Localnet.run(cfg);
    if (report != null) out.printf("report: %s/summary.json and %s/report.html%n", report, report);
    return r.healthy() ? 0 : 1;
  }
}
