package ai.alphacore.validation.verification;

import ai.alphacore.core.judge.StateSource;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.sandbox.SandboxError;
import ai.alphacore.sandbox.backend.Health;
import ai.alphacore.sandbox.backend.Limits;
import ai.alphacore.sandbox.backend.SandboxBackend;
import ai.alphacore.sandbox.network.NetworkAttacher;
import ai.alphacore.sandbox.refresh.RefreshOptions;
import ai.alphacore.sandbox.refresh.RefreshResult;
import ai.alphacore.sandbox.refresh.Stage;
import ai.alphacore.sandbox.secret.TokenSupplier;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code verification: terraform-refresh}: the submitted state is refreshed against the cloud by
 * {@code terraform apply -refresh-only} inside the sandbox backend (bwrap, qemu or firecracker)
 * with validator-authored provider configuration, then the refreshed state is judged. The
 * miner's HCL is linted but never run.
 */
public final class TerraformRefreshVerification implements Verification {
  public static final String NAME = "terraform-refresh";

  private final SandboxBackend backend;
  private final TokenSupplier tokens;
  private final NetworkAttacher network;

  /** @param network the per-run network namespace source, or null for no network at all */
  public TerraformRefreshVerification(SandboxBackend backend, TokenSupplier tokens, NetworkAttacher network) {
    this.backend = backend;
    this.tokens = tokens;
    this.network = network;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean trustsMinerState() {
    return false;
  }

  @Override
  public Readiness readiness() {
    Health h = backend.health();
    if (!h.available()) return new Readiness(false, h.summary());
    java.util.List<String> net = network == null ? java.util.List.of() : network.problems();
    return net.isEmpty() ? Readiness.READY : new Readiness(false, "sandbox network unavailable: " + String.join("; ", net));
  }

  @Override
  public Verdict verify(VerificationContext ctx) throws VerificationException {
    Duration left = Duration.between(Instant.now(), ctx.deadline().at());
    if (left.isNegative() || left.isZero()) throw new VerificationException("DEADLINE", false, "no time left for the refresh", null);
    RefreshOptions o = RefreshOptions.of(backend, tokens).withJudge(null).withLimits(Limits.DEFAULT.withWallClock(left));
    if (network != null) o = o.withNetwork(network);
    RefreshResult r = ai.alphacore.sandbox.refresh.TerraformRefresh.refresh(ctx.workspace(), null, o);
    for (Stage s : r.stages()) {
      ctx.stages().record("sandbox_" + s.name(), s.status().name().toLowerCase(java.util.Locale.ROOT), s.duration());
      ctx.log().line("sandbox " + backend.name() + " stage " + s.name() + " " + s.status() + " in " + s.duration().toMillis() + " ms"
          + (s.code() == null ? "" : " " + s.code() + ": " + s.message()));
    }
    if (!r.ok()) {
      Stage f = r.failure();
      throw new VerificationException(f.code(), r.fault() == SandboxError.Fault.MINER, f.message(), null);
    }
    return ctx.judge().judge(ctx.task(), StateSource.of(r.state()));
  }
}
