package ai.alphacore.cli.bench;

import ai.alphacore.neurons.localnet.Localnet;
import ai.alphacore.neurons.localnet.LocalnetConfig;
import ai.alphacore.neurons.localnet.LocalnetReport;
import ai.alphacore.neurons.localnet.LocalNetwork;
import ai.alphacore.neurons.validator.round.MinerRound;
import ai.alphacore.neurons.validator.round.PairResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alphacore bench localnet}: wall time of the local network for several miner counts,
 * and the validator's own overhead per round: the round's wall time minus its critical path of
 * miner and validation time (the slowest pair's answer plus its evaluation).
 */
@Command(name = "localnet", mixinStandardHelpOptions = true,
    description = "Wall time of `alphacore localnet` with 4 and 32 miners, and validator overhead per round.")
public final class LocalnetBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--miners", split = ",", defaultValue = "4,32", description = "Miner counts (default ${DEFAULT-VALUE}).")
  List<Integer> miners;

  @Option(names = "--rounds", defaultValue = "3", description = "Rounds per run (default ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-7s %-7s %10s %12s %14s %16s %8s%n", "miners", "rounds", "wall s", "s per round", "critical s/rnd", "overhead s/rnd", "healthy");
    for (int n : miners) {
      Path dir = Files.createTempDirectory("alphacore-bench-localnet-");
      long t0 = System.nanoTime();
      LocalnetReport r = Localnet.run(new LocalnetConfig(n, rounds, dir, null, 1, null));
      double wall = (System.nanoTime() - t0) / 1e9;
      double roundSum = 0;
      double critical = 0;
      for (LocalNetwork.RoundOutcome o : r.rounds()) {
        roundSum += o.result().seconds();
        double slowest = 0;
        for (MinerRound m : o.result().miners()) {
          for (PairResult p : m.pairs()) slowest = Math.max(slowest, p.latencySeconds() + p.evaluationSeconds());
        }
        critical += slowest;
      }
      int k = r.rounds().size();
      out.printf("%-7d %-7d %10.2f %12.3f %14.3f %16.3f %8s%n", n, k, wall, roundSum / k, critical / k, (roundSum - critical) / k, r.healthy());
      r.problems().forEach(pr -> out.println("        " + pr));
      out.flush();
    }
    return 0;
  }
}
