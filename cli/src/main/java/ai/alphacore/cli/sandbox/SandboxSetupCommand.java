package ai.alphacore.cli.sandbox;

import ai.alphacore.sandbox.backend.Backends;
import ai.alphacore.sandbox.backend.Health;
import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.guest.CliConfig;
import ai.alphacore.sandbox.guest.GuestArtifacts;
import ai.alphacore.sandbox.guest.GuestImageBuilder;
import ai.alphacore.sandbox.guest.PinnedArtifacts;
import ai.alphacore.sandbox.network.GatewayNamespace;
import ai.alphacore.sandbox.network.SandboxNetwork;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alphacore sandbox setup}: prepares a production host. Offline (the default) it builds
 * what it can from local files and lists, plainly, what it could not do; with {@code --online}
 * it also fetches the pinned releases and checks them against the vendors' SHA256 sums.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
    description = {"Prepare this host: guest images in $ALPHACORE_SANDBOX_HOME (default /var/lib/alphacore-sandbox),",
        "pinned Firecracker, terraform and provider mirror (with --online only). Exit 0 when everything was done, 1 otherwise."})
public final class SandboxSetupCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--guest", defaultValue = "busybox", paramLabel = "busybox|debootstrap",
      description = "Guest rootfs flavour: busybox (seconds; what CI boots) or debootstrap (Debian bookworm minbase, ~25 s; production).")
  String guest;

  @Option(names = "--debian-mirror", paramLabel = "URL", description = "Debian mirror for debootstrap (default: the host's apt source).")
  String mirror;

  @Option(names = "--terraform", paramLabel = "PATH", description = "terraform binary to bake into the guest (default $ALPHACORE_TERRAFORM or /usr/local/bin/terraform).")
  Path terraform;

  @Option(names = "--providers", paramLabel = "DIR", description = "Provider mirror directory to bake in (terraform providers mirror output).")
  Path providers;

  @Option(names = "--online", description = "Fetch pinned releases (Firecracker, terraform, providers) and verify their SHA256 sums. Never implied.")
  boolean online;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path home = GuestArtifacts.home();
    GuestArtifacts a = GuestArtifacts.in(home);
    int missing = 0;
    out.println("alphacore sandbox setup (home " + home + ", " + (online ? "online" : "offline") + ")");
    Path tf = terraform != null ? terraform : Path.of(System.getenv().getOrDefault("ALPHACORE_TERRAFORM", "/usr/local/bin/terraform"));
    if (online) {
      try {
        PinnedArtifacts.fetchAll(home, out);
        tf = home.resolve("bin/terraform");
      } catch (IsolationException e) {
        out.println("  [FAIL] pinned downloads: " + e.getMessage());
        missing++;
      }
    } else {
      out.println("  [OFFLINE] cannot fetch, verify or update:");
      for (PinnedArtifacts.Artifact p : PinnedArtifacts.PINS) out.println("    - " + p.name() + " " + p.version() + " from " + p.url());
      out.println("    - provider mirror (" + String.join(", ", CliConfig.REFERENCE_PINS.keySet()) + ") via terraform providers mirror");
      out.println("    Re-run with --online on a host with internet, or place the files and pass --terraform/--providers.");
    }
    if (!Files.isRegularFile(a.kernel())) {
      out.println("  [MISSING] guest kernel " + a.kernel() + ": run scripts/ci-sandbox-deps.sh (apt-get download of linux-image-cloud-amd64)");
      missing++;
    } else if (!Files.isExecutable(tf)) {
      out.println("  [MISSING] terraform binary " + tf + ": cannot build the guest rootfs without it");
      missing++;
    } else {
      try {
        GuestImageBuilder.Flavour f = GuestImageBuilder.Flavour.valueOf(guest.toUpperCase(java.util.Locale.ROOT));
        String m = mirror != null ? mirror : hostDebianMirror();
        long t0 = System.nanoTime();
        GuestImageBuilder.build(a, f, tf, providers, CliConfig.REFERENCE_PINS, m);
        out.printf("  [OK] guest %s: %s, %s (%d ms)%n", guest, a.initramfs(), a.rootfs(), (System.nanoTime() - t0) / 1_000_000);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("error: --guest must be busybox or debootstrap");
        return 2;
      } catch (IsolationException e) {
        out.println("  [FAIL] guest image: " + e.getMessage());
        missing++;
      }
    }
    if (providers == null) {
      out.println("  [MISSING] provider mirror: none given; only terraform_data (built in) can refresh until one is baked in");
      missing++;
    }
    List<String> net = GatewayNamespace.problems();
    if (!net.isEmpty()) {
      out.println("  [UNAVAILABLE] network policy: " + String.join("; ", net));
      missing++;
    } else {
      try {
        SandboxNetwork n = SandboxNetwork.fromEnv(System.getenv());
        out.println(n == null ? "  [NOTE] " + SandboxNetwork.ENV + " is none: refreshes of Google states will fail as SANDBOX_NO_NETWORK; set it to host"
            : "  [OK] network: " + n.describe());
      } catch (IllegalArgumentException e) {
        out.println("  [FAIL] network: " + e.getMessage());
        missing++;
      }
    }
    for (Health h : Backends.healthAll()) {
      out.println("  [" + (h.available() ? "OK" : "UNAVAILABLE") + "] backend " + h.backend() + (h.available() ? "" : ": " + String.join("; ", h.problems())));
    }
    out.flush();
    return missing == 0 ? 0 : 1;
  }

  /** The first http(s) URI in the host's deb822 or one-line apt sources. */
  static String hostDebianMirror() {
    for (Path p : new Path[] {Path.of("/etc/apt/sources.list.d/debian.sources"), Path.of("/etc/apt/sources.list")}) {
      try {
        for (String line : Files.readAllLines(p)) {
          for (String tok : line.trim().split("\\s+")) if (tok.startsWith("http://") || tok.startsWith("https://")) return tok;
        }
      } catch (java.io.IOException ignored) {
        // try the next file
      }
    }
    return null;
  }
}
