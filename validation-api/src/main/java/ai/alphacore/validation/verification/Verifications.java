package ai.alphacore.validation.verification;

import ai.alphacore.cloud.auth.TokenSource;
import ai.alphacore.cloud.auth.Tokens;
import ai.alphacore.cloud.gcp.GcpEndpoints;
import ai.alphacore.cloud.gcp.GcpHttp;
import ai.alphacore.cloud.verify.GcpVerifier;
import ai.alphacore.validation.ValidationApiException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** Picks a verification by its configuration name. */
public final class Verifications {
  private Verifications() {}

  public static Verification byName(String name) {
    return byName(name, System.getenv());
  }

  /**
   * @param env for {@code terraform-refresh}: {@code ALPHACORE_SANDBOX_BACKEND} (bwrap, qemu,
   *     firecracker), the token in {@code GOOGLE_OAUTH_ACCESS_TOKEN} and the network in
   *     {@code ALPHACORE_SANDBOX_NETWORK} (none or host, see {@code SandboxNetwork}); for {@code gcp-api}: {@code ALPHACORE_GCP_ENDPOINT} (a single base URL such as
   *     cloudsim's; default the official Google endpoints), and credentials from
   *     {@code ALPHACORE_GCP_CREDS_FILE} (service-account key), {@code ALPHACORE_GCP_TOKEN_FILE},
   *     {@code GOOGLE_OAUTH_ACCESS_TOKEN} or {@code GOOGLE_APPLICATION_CREDENTIALS}
   */
  public static Verification byName(String name, Map<String, String> env) {
    try {
      return build(name, env);
    } catch (ai.alphacore.cloud.CloudError e) {
      throw new ValidationApiException(ValidationApiException.Code.CONFIG_INVALID, "verification " + name + ": " + e.getMessage());
    }
  }

  private static Verification build(String name, Map<String, String> env) {
    return switch (name) {
      case StateVerification.NAME -> new StateVerification();
      case GcpApiVerification.NAME -> new GcpApiVerification(new GcpVerifier(new GcpHttp(endpoints(env), tokens(env))));
      case TerraformRefreshVerification.NAME, "sandbox" -> new TerraformRefreshVerification(
          ai.alphacore.sandbox.backend.Backends.selected(env.get(ai.alphacore.sandbox.backend.Backends.ENV)),
          ai.alphacore.sandbox.secret.TokenSupplier.fromEnv(Tokens.ENV_TOKEN), sandboxNetwork(env));
      default -> throw new ValidationApiException(ValidationApiException.Code.CONFIG_INVALID,
          "unknown verification '" + name + "' (expected state, gcp-api or terraform-refresh)");
    };
  }

  private static ai.alphacore.sandbox.network.SandboxNetwork sandboxNetwork(Map<String, String> env) {
    try {
      return ai.alphacore.sandbox.network.SandboxNetwork.fromEnv(env);
    } catch (IllegalArgumentException e) {
      throw new ValidationApiException(ValidationApiException.Code.CONFIG_INVALID, "verification terraform-refresh: " + e.getMessage());
    }
  }

  private static GcpEndpoints endpoints(Map<String, String> env) {
    String e = env.get("ALPHACORE_GCP_ENDPOINT");
    return e == null || e.isBlank() ? GcpEndpoints.official() : GcpEndpoints.single(URI.create(e.trim()));
  }

  private static TokenSource tokens(Map<String, String> env) {
    String creds = env.get("ALPHACORE_GCP_CREDS_FILE");
    if (creds != null && !creds.isBlank()) return Tokens.fromKeyFile(Path.of(creds.trim()));
    String file = env.get("ALPHACORE_GCP_TOKEN_FILE");
    if (file != null && !file.isBlank()) return Tokens.fromTokenFile(Path.of(file.trim()));
    return Tokens.fromEnvironment(env);
  }
}
