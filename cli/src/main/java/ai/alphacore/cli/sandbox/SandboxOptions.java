package ai.alphacore.cli.sandbox;

import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.sandbox.backend.Limits;
import ai.alphacore.sandbox.backend.SandboxBackend;
import ai.alphacore.sandbox.lint.LintPolicy;
import ai.alphacore.sandbox.refresh.RefreshOptions;
import ai.alphacore.sandbox.secret.Secret;
import ai.alphacore.sandbox.secret.TokenSupplier;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options shared by {@code sandbox run} and {@code sandbox bench}. */
final class SandboxOptions {
  @Option(names = "--mode", defaultValue = "compat", paramLabel = "compat|strict", description = "Judge mode (default compat).")
  String mode;

  @Option(names = "--timeout", defaultValue = "150", paramLabel = "SECONDS", description = "Wall-clock limit of the sandbox (default 150).")
  long timeoutSeconds;

  @Option(names = "--token-env", defaultValue = "GOOGLE_OAUTH_ACCESS_TOKEN", paramLabel = "VAR",
      description = "Environment variable holding the short-lived read-only token (default GOOGLE_OAUTH_ACCESS_TOKEN).")
  String tokenEnv;

  @Option(names = "--no-token", description = "Run without a token (offline checks, terraform_data workspaces).")
  boolean noToken;

  @Option(names = "--allow-provider", paramLabel = "NS/TYPE", split = ",",
      description = "Extra provider sources the linter accepts, e.g. hashicorp/terraform for terraform_data.")
  List<String> allowProviders = List.of();

  @Option(names = "--no-lint", description = "Skip the linter (the miner's HCL is never executed either way).")
  boolean noLint;

  RefreshOptions build(SandboxBackend backend) {
    TokenSupplier tokens;
    if (noToken) {
      tokens = () -> null;
    } else {
      String v = System.getenv(tokenEnv);
      if (v == null || v.isBlank()) throw new IllegalArgumentException("no token: set " + tokenEnv + " or pass --no-token");
      tokens = () -> Secret.of(v.strip());
    }
    Set<String> sources = new HashSet<>(LintPolicy.DEFAULT.providerSources());
    sources.addAll(allowProviders);
    return RefreshOptions.of(backend, tokens).withLint(noLint ? null : new LintPolicy(sources)).withJudge(JudgeMode.parse(mode))
        .withLimits(Limits.DEFAULT.withWallClock(Duration.ofSeconds(timeoutSeconds)));
  }
}
