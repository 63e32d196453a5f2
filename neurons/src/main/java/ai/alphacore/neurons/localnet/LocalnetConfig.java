package ai.alphacore.neurons.localnet;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What {@code alphacore localnet} runs.
 *
 * @param miners how many miners (default 4: reference, sloppy, offline, copycat; more repeat the cycle)
 * @param rounds how many validator rounds (default 3)
 * @param dataDir where the chain, cloudsim, the Validation API and the validator keep their files
 * @param reportDir where {@code summary.json} and {@code report.html} go, or null
 * @param seed makes keys, projects and tasks reproducible
 */
public record LocalnetConfig(int miners, int rounds, Path dataDir, Path reportDir, long seed, PrintStream out) {
  public LocalnetConfig {
    if (miners < 1 || miners > 256) throw new IllegalArgumentException("--miners must be between 1 and 256, got " + miners);
    if (rounds < 1 || rounds > 1000) throw new IllegalArgumentException("--rounds must be between 1 and 1000, got " + rounds);
    if (dataDir == null) throw new IllegalArgumentException("a data directory is required");
  }
}
