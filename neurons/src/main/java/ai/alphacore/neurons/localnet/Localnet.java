package ai.alphacore.neurons.localnet;

import java.util.ArrayList;
import java.util.List;

/** Runs the local network for K rounds and reports; the body of {@code alphacore localnet}. */
public final class Localnet {
  private Localnet() {}

  /** @return the report; {@link LocalnetReport#healthy()} decides the exit code */
  public static LocalnetReport run(LocalnetConfig cfg) throws Exception {
    long t0 = System.nanoTime();
    try (LocalNetwork net = LocalNetwork.start(cfg)) {
      List<LocalNetwork.RoundOutcome> rounds = new ArrayList<>();
      for (int k = 1; k <= cfg.rounds(); k++) {
        net.say("%nround %d/%d", k, cfg.rounds());
        LocalNetwork.RoundOutcome r = net.round(k);
        rounds.add(r);
        net.say("  round %d done in %.1f s; weights on chain %s%s", k, r.seconds(), r.chainWeights(),
            r.emission() != null && !r.emission().tx().success() ? " (refused: " + r.emission().tx().error() + ")" : "");
      }
      LocalnetReport report = new LocalnetReport(net.miners(), rounds);
      if (cfg.out() != null) {
        report.print(cfg.out());
        cfg.out().printf("%nlocalnet: %d miners, %d rounds in %.1f s; data in %s%n", cfg.miners(), cfg.rounds(),
            (System.nanoTime() - t0) / 1e9, cfg.dataDir());
      }
      if (cfg.reportDir() != null) report.write(cfg.reportDir());
      return report;
    }
  }
}
