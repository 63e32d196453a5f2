package ai.alphacore.sandbox.backend;

import ai.alphacore.sandbox.guest.CliConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Host-side settings of the bwrap backend.
 *
 * @param terraform host terraform binary, bound read-only at /opt/alphacore/bin/terraform
 * @param providerMirror provider mirror directory (may be empty; terraform_data needs none)
 * @param pins provider sources to versions the CLI config admits from the mirror
 * @param rootfs a prepared root (debootstrap) to bind read-only at /, or null to bind the host's
 *     /usr read-only with a generated /etc (nothing else of the host is visible)
 * @param seccomp false only in tests that prove the filter matters
 */
public record BwrapConfig(Path terraform, Path providerMirror, Map<String, String> pins, Path rootfs, UidPool uids, boolean seccomp) {
  public BwrapConfig {
    pins = Map.copyOf(pins);
  }

  public static BwrapConfig defaults() {
    return new BwrapConfig(Path.of(env("ALPHACORE_TERRAFORM", "/usr/local/bin/terraform")),
        Path.of(env("ALPHACORE_PROVIDER_MIRROR", "/opt/alphacore/providers")), CliConfig.REFERENCE_PINS, null,
        new UidPool(20000, 256), true);
  }

  public BwrapConfig withSeccomp(boolean on) {
    return new BwrapConfig(terraform, providerMirror, pins, rootfs, uids, on);
  }

  public BwrapConfig withTerraform(Path tf) {
    return new BwrapConfig(tf, providerMirror, pins, rootfs, uids, seccomp);
  }

  static String env(String k, String d) {
    String v = System.getenv(k);
    return v == null || v.isBlank() ? d : v;
  }
}
