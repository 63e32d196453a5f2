package ai.alphacore.cli.sandbox;

import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.sandbox.backend.Limits;
import ai.alphacore.sandbox.backend.SandboxBackend;
import ai.alphacore.sandbox.lint.LintPolicy;
import ai.alphacore.sandbox.network.SandboxNetwork;
import ai.alphacore.sandbox.refresh.RefreshOptions;
import ai.alphacore.sandbox.secret.Secret;
import ai.alphacore.sandbox.secret.TokenSupplier;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  @Option(names = "--network", paramLabel = "none|host", description = {"none: the sandbox has no network at all (offline states only);",
      "host: a gateway namespace with DNS and CONNECT allowlists, linked to this host (ALPHACORE_SANDBOX_UPLINK, ALPHACORE_SANDBOX_DNS).",
      "Default: $ALPHACORE_SANDBOX_NETWORK, else none."})
  String network;

  private SandboxNetwork opened;

  /** The network {@link #build} opened, or null; callers close it when done. */
  SandboxNetwork network() {
    return opened;
  }

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
    RefreshOptions o = RefreshOptions.of(backend, tokens).withLint(noLint ? null : new LintPolicy(sources)).withJudge(JudgeMode.parse(mode))
        .withLimits(Limits.DEFAULT.withWallClock(Duration.ofSeconds(timeoutSeconds)));
    Map<String, String> env = new HashMap<>(System.getenv());
    if (network != null) {
      if (!SandboxNetwork.MODES.contains(network)) {
        throw new IllegalArgumentException("--network " + network + " is not one of: " + String.join(", ", SandboxNetwork.MODES));
      }
      env.put(SandboxNetwork.ENV, network);
    }
    SandboxNetwork n = SandboxNetwork.fromEnv(env);
    if (n == null) return o;
    if (!n.problems().isEmpty()) throw new IllegalArgumentException("network " + n.describe() + " unavailable: " + String.join("; ", n.problems()));
    opened = n;
    return o.withNetwork(n);
  }
}
