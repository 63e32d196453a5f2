package ai.alphacore.sandbox.backend;

import ai.alphacore.sandbox.SandboxError.Fault;

/**
 * Stable codes for how a sandboxed refresh fails, with whose fault it is. Published by the
 * Validation API as {@code SANDBOX_<name>}; never rename.
 */
public enum IsolationError {
  /** The chosen backend cannot run on this host (the message says why). */
  BACKEND_UNAVAILABLE(Fault.VALIDATOR),
  /** Setting up namespaces, cgroups, images or the VM failed. */
  SETUP_FAILED(Fault.VALIDATOR),
  /** The network policy (gateway, run namespace) could not be set up. */
  NETWORK_FAILED(Fault.VALIDATOR),
  /**
   * The state's providers refresh against a cloud API, but the sandbox runs without a network:
   * a validator configuration error (ALPHACORE_SANDBOX_NETWORK), never the miner's 0.
   */
  NO_NETWORK(Fault.VALIDATOR),
  /** No token could be minted. */
  TOKEN_UNAVAILABLE(Fault.VALIDATOR),
  /** The submission has no terraform.tfstate. */
  NO_STATE(Fault.MINER),
  /** The submitted terraform.tfstate is not a version-4 state document. */
  BAD_STATE(Fault.MINER),
  /** The state names a provider outside the allowlist or the mirror. */
  PROVIDER_NOT_ALLOWED(Fault.MINER),
  /** terraform init failed on the validator-authored configuration. */
  INIT_FAILED(Fault.VALIDATOR),
  /** terraform apply -refresh-only failed (cloud errors such as 403 on the miner's resources). */
  REFRESH_FAILED(Fault.MINER),
  /** The refresh ran past its wall-clock limit and was killed. */
  TIMEOUT(Fault.MINER),
  /** The refresh hit the memory or pids cap and was killed. */
  RESOURCE_LIMIT(Fault.MINER),
  /** The refreshed state is larger than the cap. */
  OUTPUT_TOO_LARGE(Fault.MINER),
  /** The guest ended without writing results (crash, kernel panic, VM hang). */
  NO_RESULTS(Fault.VALIDATOR),
  /** A bug or an unexpected host error. */
  INTERNAL(Fault.VALIDATOR);

  private final Fault fault;

  IsolationError(Fault fault) {
    this.fault = fault;
  }

  public Fault fault() {
    return fault;
  }
}
