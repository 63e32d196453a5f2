package ai.alphacore.sandbox.network;

import ai.alphacore.sandbox.backend.IsolationError;
import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.backend.Procs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Thin wrappers over iproute2 and iptables for named network namespaces. */
public final class Netns {
  static final Duration T = Duration.ofSeconds(20);

  private Netns() {}

  public static Path path(String ns) {
    return Path.of("/run/netns", ns);
  }

  public static boolean exists(String ns) {
    return Files.exists(path(ns));
  }

  public static void add(String ns) throws IsolationException {
    Procs.check(IsolationError.NETWORK_FAILED, T, "ip", "netns", "add", ns);
    // IPv6 off: the policy is written for IPv4 only, so nothing may bypass it over v6.
    ip(ns, "link", "set", "lo", "up");
    exec(ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
  }

  public static void delete(String ns) {
    if (exists(ns)) Procs.quiet(T, "ip", "netns", "del", ns);
    Path etc = Path.of("/etc/netns", ns);
    try {
      ai.alphacore.sandbox.intake.Workspace.deleteTree(etc);
    } catch (java.io.IOException ignored) {
      // nothing else refers to it once the namespace is gone
    }
  }

  /** The processes inside the namespace ({@code ip netns pids}); none when it does not exist. */
  public static java.util.List<Long> pids(String ns) {
    if (!exists(ns)) return java.util.List.of();
    return java.util.Arrays.stream(Procs.quiet(T, "ip", "netns", "pids", ns).output().split("\\s+")).filter(w -> w.matches("\\d+"))
        .map(Long::parseLong).toList();
  }

  /** Kills every process inside the namespace (daemons a crashed owner left behind). */
  public static void killProcesses(String ns) {
    for (long pid : pids(ns)) ProcessHandle.of(pid).ifPresent(Procs::killTree);
  }

  public static String ip(String ns, String... args) throws IsolationException {
    String[] a = new String[args.length + 3];
    a[0] = "ip";
    a[1] = "-n";
    a[2] = ns;
    System.arraycopy(args, 0, a, 3, args.length);
    return Procs.check(IsolationError.NETWORK_FAILED, T, a);
  }

  /** Several {@code ip} commands in one process ({@code ip -batch}), one per line, in namespace {@code ns}. */
  public static void batch(String ns, String... commands) throws IsolationException {
    Procs.check(IsolationError.NETWORK_FAILED, T, (String.join("\n", commands) + "\n").getBytes(StandardCharsets.US_ASCII), "ip", "-n", ns,
        "-batch", "-");
  }

  /** {@code argv} prefixed to run inside the namespace (nsenter: no /etc/netns bind mounts). */
  public static String[] in(String ns, String... argv) {
    String[] a = new String[argv.length + 2];
    a[0] = "nsenter";
    a[1] = "--net=" + path(ns);
    System.arraycopy(argv, 0, a, 2, argv.length);
    return a;
  }

  /** Runs a command inside the namespace. */
  public static String exec(String ns, String... args) throws IsolationException {
    return Procs.check(IsolationError.NETWORK_FAILED, T, in(ns, args));
  }

  public static void iptablesRestore(String ns, String rules) throws IsolationException {
    Procs.check(IsolationError.NETWORK_FAILED, T, rules.getBytes(StandardCharsets.US_ASCII), in(ns, "iptables-restore"));
  }

  /** Per-namespace resolv.conf, which {@code ip netns exec} bind-mounts over /etc/resolv.conf. */
  public static void resolvConf(String ns, String nameserver) throws IsolationException {
    try {
      Path d = Files.createDirectories(Path.of("/etc/netns", ns));
      Files.writeString(d.resolve("resolv.conf"), "nameserver " + nameserver + "\noptions timeout:1 attempts:1\n");
    } catch (java.io.IOException e) {
      throw new IsolationException(IsolationError.NETWORK_FAILED, "cannot write /etc/netns/" + ns + "/resolv.conf: " + e.getMessage(), e);
    }
  }
}
