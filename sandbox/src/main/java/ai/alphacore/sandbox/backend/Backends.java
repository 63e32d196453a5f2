package ai.alphacore.sandbox.backend;

import java.util.List;
import java.util.Locale;

/** Backend selection by name, from {@code ALPHACORE_SANDBOX_BACKEND} (default bwrap). */
public final class Backends {
  public static final String ENV = "ALPHACORE_SANDBOX_BACKEND";
  public static final List<String> NAMES = List.of("bwrap", "qemu", "firecracker");

  private Backends() {}

  public static SandboxBackend byName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "bwrap" -> new BwrapBackend(BwrapConfig.defaults());
      case "qemu" -> new QemuBackend(QemuBackend.Config.defaults());
      case "firecracker" -> new FirecrackerBackend(FirecrackerBackend.Config.defaults());
      default -> throw new IllegalArgumentException("unknown sandbox backend '" + name + "' (expected one of " + NAMES + ")");
    };
  }

  /** The configured backend: the explicit name if given, else the environment, else bwrap. */
  public static SandboxBackend selected(String explicit) {
    String n = explicit != null && !explicit.isBlank() ? explicit : System.getenv(ENV);
    return byName(n == null || n.isBlank() ? "bwrap" : n.strip());
  }

  public static List<Health> healthAll() {
    return NAMES.stream().map(n -> byName(n).health()).toList();
  }
}
