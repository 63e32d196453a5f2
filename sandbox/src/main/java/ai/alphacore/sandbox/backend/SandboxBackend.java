package ai.alphacore.sandbox.backend;

/**
 * An isolation technology that can run the guest runner (copy workspace, terraform init
 * -backend=false, terraform apply -refresh-only, write results) on a staged workspace. All
 * backends use the same runner script, the same drive or mount layout and the same network policy.
 */
public interface SandboxBackend {
  /** {@code bwrap}, {@code qemu} or {@code firecracker}. */
  String name();

  /** Whether this backend can run on this host, with every reason when it cannot. Cheap; no side effects. */
  Health health();

  /**
   * Runs one refresh. Guest-side failures (terraform errors, timeouts) come back as a result;
   * only failures to set up or tear down isolation throw. Everything it creates is removed before
   * it returns, also on failure.
   */
  GuestResult run(GuestRun run) throws IsolationException;
}
