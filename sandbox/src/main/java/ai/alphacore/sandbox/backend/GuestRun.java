package ai.alphacore.sandbox.backend;

import ai.alphacore.sandbox.network.RunNetwork;
import ai.alphacore.sandbox.secret.Secret;
import java.nio.file.Path;

/**
 * One job for a backend: refresh the staged workspace with the token inside isolation.
 *
 * @param workspace staged directory: terraform.tfstate plus the validator-authored configuration
 *     only (never the miner's .tf files); read-only inside the guest
 * @param token handed to {@code terraform apply} only, through stdin or the secret drive
 * @param network the per-run namespace to join, or null for no network at all
 */
public record GuestRun(String id, Path workspace, Secret token, Limits limits, RunNetwork network) {
  public GuestRun {
    if (!id.matches("[a-z0-9-]{1,40}")) throw new IllegalArgumentException("run id must match [a-z0-9-]{1,40}");
  }
}
