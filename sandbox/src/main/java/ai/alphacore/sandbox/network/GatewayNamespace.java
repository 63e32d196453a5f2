package ai.alphacore.sandbox.network;

import ai.alphacore.sandbox.backend.IsolationError;
import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.backend.Procs;
import ai.alphacore.sandbox.backend.Tools;
import ai.alphacore.sandbox.intake.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;

/**
 * The long-lived gateway namespace every run namespace hangs off: dnsmasq with a DNS allowlist,
 * tinyproxy with a CONNECT allowlist on one port, and iptables that drop all forwarding, accept
 * only DNS and proxy traffic to the service address, and reject the metadata address for the
 * daemons themselves too. It is connected to nothing but its {@link Uplink} and the run
 * namespaces, and ip_forward stays 0, so a sandbox can only talk to the two daemons.
 */
public final class GatewayNamespace implements AutoCloseable {
  public static final String SERVICE_IP = "10.200.255.1";
  public static final int PROXY_PORT = 8888;
  private static final int SLOTS = 4000;

  private final String name;
  private final NetPolicy policy;
  private final Uplink uplink;
  private final Path dir;
  private final BitSet slots = new BitSet(SLOTS);
  private Process dnsmasq;
  private Process tinyproxy;

  private GatewayNamespace(String name, NetPolicy policy, Uplink uplink, Path dir) {
    this.name = name;
    this.policy = policy;
    this.uplink = uplink;
    this.dir = dir;
  }

  /** Why the network policy cannot be built here, or an empty list. */
  public static List<String> problems() {
    List<String> p = new java.util.ArrayList<>();
    Tools.require(p, "ip", "iproute2", "nsenter", "util-linux", "iptables-restore", "iptables", "dnsmasq", "dnsmasq-base",
        "tinyproxy", "tinyproxy-bin");
    if (!Tools.isRoot()) p.add("creating network namespaces needs root (or CAP_NET_ADMIN + CAP_SYS_ADMIN)");
    return p;
  }

  public static GatewayNamespace start(String tag, NetPolicy policy, Uplink uplink) throws IsolationException {
    List<String> p = problems();
    if (!p.isEmpty()) throw new IsolationException(IsolationError.NETWORK_FAILED, "network policy unavailable: " + String.join("; ", p));
    String name = "acgw-" + tag;
    Path dir;
    try {
      dir = Files.createTempDirectory("alphacore-gw-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    } catch (IOException e) {
      throw new IsolationException(IsolationError.NETWORK_FAILED, "cannot create gateway directory: " + e.getMessage(), e);
    }
    GatewayNamespace gw = new GatewayNamespace(name, policy, uplink, dir);
    try {
      gw.setUp();
      return gw;
    } catch (IsolationException | RuntimeException e) {
      gw.close();
      throw e;
    }
  }

  public String name() {
    return name;
  }

  public NetPolicy policy() {
    return policy;
  }

  private void setUp() throws IsolationException {
    // A previous owner killed with -9 leaves its daemons running in the old namespace.
    Netns.killProcesses(name);
    Netns.delete(name);
    Netns.add(name);
    Netns.ip(name, "addr", "add", SERVICE_IP + "/32", "dev", "lo");
    uplink.attach(name);
    Netns.iptablesRestore(name, rules());
    // The daemons resolve through dnsmasq itself, so the proxy obeys the same DNS allowlist.
    Netns.resolvConf(name, SERVICE_IP);
    try {
      Path dns = dir.resolve("dnsmasq.conf");
      StringBuilder d = new StringBuilder("listen-address=" + SERVICE_IP + "\nbind-interfaces\nno-resolv\nno-hosts\nno-poll\n");
      for (String dom : policy.dnsDomains()) d.append("server=/").append(dom).append('/').append(uplink.upstreamDns()).append('\n');
      d.append("address=/#/\n");
      Files.writeString(dns, d.toString());
      Files.writeString(dir.resolve("filter"), policy.proxyFilter());
      Files.writeString(dir.resolve("tinyproxy.conf"), String.join("\n",
          "User nobody", "Group nogroup", "Port " + PROXY_PORT, "Listen " + SERVICE_IP, "Timeout 600", "MaxClients 100",
          "Allow 10.200.0.0/16", "ConnectPort " + policy.connectPort(), "Filter \"" + dir.resolve("filter") + "\"",
          "FilterURLs On", "FilterExtended On", "FilterDefaultDeny Yes", "LogLevel Warning",
          "LogFile \"" + dir.resolve("tinyproxy.log") + "\"", "DisableViaHeader Yes", ""));
      Files.createFile(dir.resolve("tinyproxy.log"));
      Files.setPosixFilePermissions(dir.resolve("tinyproxy.log"), PosixFilePermissions.fromString("rw-rw-rw-"));
      dnsmasq = new ProcessBuilder("ip", "netns", "exec", name, "dnsmasq", "-k", "-C", dns.toString(), "--pid-file=", "--user=nobody")
          .redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.log").toFile()).start();
      tinyproxy = new ProcessBuilder("ip", "netns", "exec", name, "tinyproxy", "-d", "-c", dir.resolve("tinyproxy.conf").toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("tinyproxy.out").toFile()).start();
    } catch (IOException e) {
      throw new IsolationException(IsolationError.NETWORK_FAILED, "cannot start gateway daemons: " + e.getMessage(), e);
    }
    waitListening("53", dnsmasq, "dnsmasq");
    waitListening(Integer.toString(PROXY_PORT), tinyproxy, "tinyproxy");
  }

  private void waitListening(String port, Process p, String what) throws IsolationException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) throw new IsolationException(IsolationError.NETWORK_FAILED, what + " exited at start: " + log(what));
      String ss = Procs.quiet(Netns.T, Netns.in(name, "ss", "-ltnH")).output();
      if (ss.contains(SERVICE_IP + ":" + port)) return;
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IsolationException(IsolationError.NETWORK_FAILED, what + " did not start listening on " + SERVICE_IP + ":" + port);
  }

  private String log(String what) {
    try {
      Path f = dir.resolve(what.equals("dnsmasq") ? "dnsmasq.log" : "tinyproxy.out");
      return Files.exists(f) ? Files.readString(f).strip() : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** The tinyproxy log (denials are logged there); tests read it. */
  public String proxyLog() {
    try {
      return Files.readString(dir.resolve("tinyproxy.log"));
    } catch (IOException e) {
      return "";
    }
  }

  String rules() {
    String md = policy.metadataAddress();
    return String.join("\n",
        "*filter",
        ":INPUT DROP [0:0]",
        ":FORWARD DROP [0:0]",
        ":OUTPUT ACCEPT [0:0]",
        "-A INPUT -i lo -j ACCEPT",
        "-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT",
        "-A INPUT -d " + SERVICE_IP + "/32 -p udp --dport 53 -j ACCEPT",
        "-A INPUT -d " + SERVICE_IP + "/32 -p tcp --dport 53 -j ACCEPT",
        "-A INPUT -d " + SERVICE_IP + "/32 -p tcp --dport " + PROXY_PORT + " -j ACCEPT",
        "-A INPUT -j DROP",
        "-A FORWARD -d " + md + "/32 -p tcp -j REJECT --reject-with tcp-reset",
        "-A FORWARD -j DROP",
        // New compared with the reference: the proxy itself can never be steered to the metadata server.
        "-A OUTPUT -d " + md + "/32 -p tcp -j REJECT --reject-with tcp-reset",
        "-A OUTPUT -d " + md + "/32 -j REJECT",
        "COMMIT", "");
  }

  /** Creates a fresh run namespace wired to this gateway. Only the slot is taken under the lock. */
  public RunNetwork attach(String runId) throws IsolationException {
    int slot;
    synchronized (this) {
      slot = slots.nextClearBit(0);
      if (slot >= SLOTS) throw new IsolationException(IsolationError.NETWORK_FAILED, "no free network slot (" + SLOTS + " in use)");
      slots.set(slot);
    }
    int base = slot * 4;
    String prefix = "10.200." + (base / 256) + ".";
    String peer = prefix + (base % 256 + 1);
    String sbx = prefix + (base % 256 + 2);
    String ns = "acrun-" + runId;
    String gwIf = gatewayIf(slot);
    RunNetwork rn = new RunNetwork(ns, sbx, peer, SERVICE_IP, slot, this);
    try {
      Netns.delete(ns);
      Netns.add(ns);
      Netns.batch(name, "link add " + gwIf + " type veth peer name eth0 netns " + ns, "addr add " + peer + "/30 dev " + gwIf,
          "link set " + gwIf + " up");
      Netns.batch(ns, "addr add " + sbx + "/30 dev eth0", "link set eth0 up", "route add " + SERVICE_IP + "/32 via " + peer,
          "route add default via " + peer);
      // Second layer inside the run namespace: only the two services leave it.
      Netns.iptablesRestore(ns, RunRules.render(SERVICE_IP, PROXY_PORT, policy.metadataAddress(), null));
      Netns.resolvConf(ns, SERVICE_IP);
      return rn;
    } catch (IsolationException | RuntimeException e) {
      release(rn);
      throw e;
    }
  }

  private static String gatewayIf(int slot) {
    return "vg" + Integer.toHexString(0x100000 + slot);
  }

  /**
   * Adds a VM guest's TAP to a run namespace: owned by the VMM's uid (so it can attach without
   * CAP_NET_ADMIN), routed and masqueraded to the gateway for DNS and the proxy only. It goes
   * away with the namespace.
   */
  GuestNic addTap(RunNetwork rn, int ownerUid) throws IsolationException {
    String ns = rn.namespace();
    String u = Integer.toString(ownerUid);
    GuestNic nic = new GuestNic(GuestNic.TAP, GuestNic.GUEST_IP + "/30", GuestNic.ROUTER_IP, SERVICE_IP, PROXY_PORT, GuestNic.MAC);
    Netns.batch(ns, "tuntap add dev " + nic.tap() + " mode tap user " + u + " group " + u, "addr add " + nic.routerIp() + "/30 dev " + nic.tap(),
        "link set " + nic.tap() + " up");
    Netns.iptablesRestore(ns, RunRules.render(SERVICE_IP, PROXY_PORT, policy.metadataAddress(), nic));
    Netns.exec(ns, "sysctl", "-q", "-w", "net.ipv4.conf.all.rp_filter=1", "net.ipv4.conf." + nic.tap() + ".rp_filter=1",
        "net.ipv4.ip_forward=1");
    return nic;
  }

  void release(RunNetwork rn) {
    Netns.delete(rn.namespace()); // deleting the namespace deletes the veth pair with it
    Procs.quiet(Netns.T, "ip", "-n", name, "link", "del", gatewayIf(rn.slot()));
    synchronized (this) {
      slots.clear(rn.slot());
    }
  }

  @Override
  public synchronized void close() {
    for (Process p : new Process[] {tinyproxy, dnsmasq}) {
      if (p != null) {
        Procs.killTree(p.toHandle());
        try {
          p.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    uplink.close();
    Netns.delete(name);
    try {
      Workspace.deleteTree(dir);
    } catch (IOException ignored) {
      // temp files only
    }
  }
}
