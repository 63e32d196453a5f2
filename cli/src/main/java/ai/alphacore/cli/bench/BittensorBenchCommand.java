package ai.alphacore.cli.bench;

import ai.alphacore.bittensor.bench.BittensorBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alphacore bench bittensor}: sr25519 sign/verify rates and one dendrite round to N loopback axons. */
@Command(name = "bittensor", mixinStandardHelpOptions = true,
    description = "sr25519 sign and verify per second; one signed dendrite round to N axons on loopback.")
public final class BittensorBenchCommand implements Callable<Integer> {
  @Option(names = "--seconds", defaultValue = "3", description = "Seconds per crypto measurement (default 3).")
  int seconds;

  @Option(names = "--axons", defaultValue = "256", description = "Axons in the dendrite round (default 256).")
  int axons;

  @Override
  public Integer call() throws Exception {
    BittensorBench.main(new String[] {Integer.toString(seconds), Integer.toString(axons)});
    return 0;
  }
}
