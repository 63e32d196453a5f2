package ai.alphacore.neurons.miner.agent;

import java.nio.file.Path;
import java.time.Instant;

/** Creates a plan's resources and writes the state: through the cloud API, or with terraform. */
public interface Deployer {
  /**
   * @param workspace directory holding main.tf, where terraform.tfstate is written
   * @param deadline stop starting new work after this instant (null: none)
   */
  Deployment deploy(Plan plan, Path workspace, Instant deadline) throws InterruptedException;
}
