package ai.alphacore.sandbox.network;

import ai.alphacore.sandbox.backend.IsolationError;
import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.backend.Procs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox network a validator host runs, from its environment:
 * <ul>
 *   <li>{@code ALPHACORE_SANDBOX_NETWORK}: {@code none} (default: runs have no network at all, so
 *       only offline states refresh) or {@code host} (one gateway namespace on this host, linked
 *       to it by {@link HostUplink}, a fresh run namespace per run);</li>
 *   <li>{@code ALPHACORE_SANDBOX_UPLINK}: the egress interface (default: the default route's);</li>
 *   <li>{@code ALPHACORE_SANDBOX_DNS}: the upstream resolver (default: the first nameserver in
 *       /etc/resolv.conf that the gateway can use: not loopback, not the metadata address);</li>
 *   <li>{@code ALPHACORE_SANDBOX_ALLOW}: the hosts runs may CONNECT to on port 443, comma-separated,
 *       {@code *.domain} or exact names (default {@code *.googleapis.com}); DNS answers exactly
 *       their domains. For providers of other clouds.</li>
 * </ul>
 * The gateway starts on the first run and stops on {@link #close}. A host-wide lock keeps a
 * second process from starting another one over it.
 */
public final class SandboxNetwork implements NetworkAttacher, AutoCloseable {
  public static final String ENV = "ALPHACORE_SANDBOX_NETWORK";
  public static final String ENV_UPLINK = "ALPHACORE_SANDBOX_UPLINK";
  public static final String ENV_DNS = "ALPHACORE_SANDBOX_DNS";
  public static final String ENV_ALLOW = "ALPHACORE_SANDBOX_ALLOW";
  /** The values {@link #ENV} takes. */
  public static final List<String> MODES = List.of("none", "host");
  static final Path LOCK = Path.of("/run/alphacore-sandbox-gateway.lock");
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private final String tag;
  private final String description;
  private final java.util.function.Supplier<Uplink> uplink;
  private final NetPolicy policy;
  private final Path lockPath;
  private volatile GatewayNamespace gateway;
  private FileChannel lockFile;
  private FileLock lock;

  /**
   * @param tag the gateway namespace is {@code acgw-<tag>}
   * @param lockPath host-wide: one gateway per path
   */
  SandboxNetwork(String tag, String description, java.util.function.Supplier<Uplink> uplink, NetPolicy policy, Path lockPath) {
    this.tag = tag;
    this.description = description;
    this.uplink = uplink;
    this.policy = policy;
    this.lockPath = lockPath;
  }

  /** Null when the environment asks for no network; an error a person can act on when it is wrong. */
  public static SandboxNetwork fromEnv(Map<String, String> env) {
    String mode = env.getOrDefault(ENV, "none").strip();
    switch (mode) {
      case "", "none" -> {
        return null;
      }
      case "host" -> {
        return host(Objects.requireNonNullElseGet(blankToNull(env.get(ENV_UPLINK)), SandboxNetwork::defaultRouteInterface),
            blankToNull(env.get(ENV_DNS)), policy(blankToNull(env.get(ENV_ALLOW))));
      }
      default -> throw new IllegalArgumentException(ENV + "=" + mode + " is not one of: " + String.join(", ", MODES));
    }
  }

  /** The default policy, or one allowing exactly the listed host patterns (and resolving their domains). */
  static NetPolicy policy(String allow) {
    if (allow == null) return NetPolicy.DEFAULT;
    List<String> hosts = java.util.Arrays.stream(allow.split(",")).map(String::strip).filter(h -> !h.isEmpty())
        .map(h -> h.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    if (hosts.isEmpty()) throw new IllegalArgumentException(ENV_ALLOW + " is empty: name at least one host, e.g. *.googleapis.com");
    List<String> domains = hosts.stream().map(h -> h.startsWith("*.") ? h.substring(2) : h).distinct().toList();
    try {
      return new NetPolicy(domains, hosts, NetPolicy.DEFAULT.connectPort(), NetPolicy.DEFAULT.metadataAddress());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ENV_ALLOW + "=" + allow + ": " + e.getMessage() + " (use *.domain or an exact host name)");
    }
  }

  private static SandboxNetwork host(String iface, String configuredDns, NetPolicy policy) {
    String dns = configuredDns != null ? configuredDns : resolverFrom(readOrEmpty(Path.of("/etc/resolv.conf")), policy.metadataAddress());
    if (!usableResolver(dns, policy.metadataAddress())) {
      throw new IllegalArgumentException(ENV_DNS + "=" + dns + " is not a usable IPv4 resolver (loopback and the metadata address"
          + " are unreachable from the gateway)");
    }
    if (!iface.matches("[A-Za-z0-9_.:-]{1,15}")) throw new IllegalArgumentException(ENV_UPLINK + "=" + iface + " is not an interface name");
    String what = "gateway via " + iface + ", DNS " + dns + ", CONNECT " + String.join(",", policy.connectHosts()) + ":" + policy.connectPort();
    return new SandboxNetwork("host", what, () -> new HostUplink(dns, iface, policy.connectPort(), null), policy, LOCK);
  }

  /** The first nameserver the gateway can use, or an error naming {@link #ENV_DNS}. */
  static String resolverFrom(String resolvConf, String metadata) {
    for (String line : resolvConf.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 2 && f[0].equals("nameserver") && usableResolver(f[1], metadata)) return f[1];
    }
    throw new IllegalArgumentException("no usable resolver in /etc/resolv.conf (loopback, IPv6 and the metadata address cannot be"
        + " used from the gateway namespace): set " + ENV_DNS + ", e.g. 8.8.8.8");
  }

  static boolean usableResolver(String ip, String metadata) {
    Matcher m = IPV4.matcher(ip);
    if (!m.matches() || ip.equals(metadata)) return false;
    for (int i = 1; i <= 4; i++) if (Integer.parseInt(m.group(i)) > 255) return false;
    int first = Integer.parseInt(m.group(1));
    return first != 127 && first != 0;
  }

  private static String defaultRouteInterface() {
    Procs.Exit r = Procs.quiet(Netns.T, "ip", "-4", "route", "show", "default");
    Matcher m = Pattern.compile("\\bdev (\\S+)").matcher(r.output());
    if (r.code() != 0 || !m.find()) throw new IllegalArgumentException("no default route on this host: set " + ENV_UPLINK + " to the egress interface");
    return m.group(1);
  }

  public String describe() {
    return description;
  }

  @Override
  public List<String> problems() {
    return GatewayNamespace.problems();
  }

  /** Starts the gateway on first use; run namespaces themselves are set up outside this object's lock. */
  @Override
  public RunNetwork attach(String runId) throws IsolationException {
    GatewayNamespace g = gateway;
    if (g == null) {
      synchronized (this) {
        if (gateway == null) start();
        g = gateway;
      }
    }
    return g.attach(runId);
  }

  private void start() throws IsolationException {
    try {
      lockFile = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = lockFile.tryLock();
    } catch (IOException e) {
      closeLock();
      throw new IsolationException(IsolationError.NETWORK_FAILED, "cannot open " + lockPath + ": " + e.getMessage(), e);
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // held by another SandboxNetwork in this very process
    }
    if (lock == null) {
      closeLock();
      throw new IsolationException(IsolationError.NETWORK_FAILED, "another process runs the sandbox gateway on this host (" + lockPath
          + " is locked); run one Validation API per host with " + ENV + "=host");
    }
    try {
      gateway = GatewayNamespace.start(tag, policy, uplink.get());
      // Namespaces and host rules outlive a process that forgets them; the next start also cleans up.
      Runtime.getRuntime().addShutdownHook(new Thread(this::close, "sandbox-network-close"));
    } catch (IsolationException | RuntimeException e) {
      closeLock();
      throw e;
    }
  }

  private void closeLock() {
    try {
      if (lock != null) lock.release();
      if (lockFile != null) lockFile.close();
    } catch (IOException ignored) {
      // the lock dies with the process anyway
    }
    lock = null;
    lockFile = null;
  }

  @Override
  public synchronized void close() {
    if (gateway != null) gateway.close();
    gateway = null;
    closeLock();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String readOrEmpty(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }
}
