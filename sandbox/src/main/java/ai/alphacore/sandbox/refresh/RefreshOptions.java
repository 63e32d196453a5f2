package ai.alphacore.sandbox.refresh;

import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.sandbox.backend.Limits;
import ai.alphacore.sandbox.backend.SandboxBackend;
import ai.alphacore.sandbox.guest.CliConfig;
import ai.alphacore.sandbox.intake.ZipLimits;
import ai.alphacore.sandbox.lint.LintPolicy;
import ai.alphacore.sandbox.network.NetworkAttacher;
import ai.alphacore.sandbox.secret.TokenSupplier;
import java.util.Map;

/**
 * How to run one sandboxed refresh.
 *
 * @param tokens mints the short-lived read-only token; called once per run, after intake and lint
 * @param lint the linter's policy, or null to skip linting (the miner's HCL is never executed
 *     either way: only its state is refreshed, under a validator-authored configuration)
 * @param pins provider source to version; the state may only name these (or built-in terraform)
 * @param judgeMode the judge's mode, or null to return the refreshed state unjudged
 * @param network per-run network namespaces, or null for no network at all
 */
public record RefreshOptions(SandboxBackend backend, TokenSupplier tokens, Limits limits, ZipLimits zipLimits, LintPolicy lint,
    Map<String, String> pins, JudgeMode judgeMode, NetworkAttacher network) {
  public RefreshOptions {
    pins = Map.copyOf(pins);
  }

  public static RefreshOptions of(SandboxBackend backend, TokenSupplier tokens) {
    return new RefreshOptions(backend, tokens, Limits.DEFAULT, ZipLimits.REFERENCE, LintPolicy.DEFAULT, CliConfig.REFERENCE_PINS,
        JudgeMode.COMPAT, null);
  }

  public RefreshOptions withLimits(Limits l) {
    return new RefreshOptions(backend, tokens, l, zipLimits, lint, pins, judgeMode, network);
  }

  public RefreshOptions withLint(LintPolicy p) {
    return new RefreshOptions(backend, tokens, limits, zipLimits, p, pins, judgeMode, network);
  }

  public RefreshOptions withJudge(JudgeMode m) {
    return new RefreshOptions(backend, tokens, limits, zipLimits, lint, pins, m, network);
  }

  public RefreshOptions withNetwork(NetworkAttacher n) {
    return new RefreshOptions(backend, tokens, limits, zipLimits, lint, pins, judgeMode, n);
  }

  public RefreshOptions withBackend(SandboxBackend b) {
    return new RefreshOptions(b, tokens, limits, zipLimits, lint, pins, judgeMode, network);
  }

  public RefreshOptions withTokens(TokenSupplier t) {
    return new RefreshOptions(backend, t, limits, zipLimits, lint, pins, judgeMode, network);
  }
}
