package ai.alphacore.sandbox.network;

import ai.alphacore.sandbox.backend.IsolationError;
import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.backend.Procs;
import java.util.ArrayList;
import java.util.List;

/**
 * Production uplink: a veth from the gateway namespace to the host and MASQUERADE for the
 * gateway's one address. Only the gateway's own daemons use it, and the host lets them reach
 * only the upstream resolver (port 53) and public addresses on the CONNECT port: private,
 * shared, loopback and link-local ranges (the metadata server among them) and the host itself
 * are refused. Everything lives in dedicated iptables chains, removed on close and on the next
 * start after a crash.
 *
 * <p>Addresses come from the shared address space 100.64.0.0/10, which cloud VPCs do not hand
 * out to hosts: 100.127.255.253 on the gateway's {@code up0}, 100.127.255.254 on the host's
 * {@code acup0}. One uplink per host ({@link SandboxNetwork} holds a host-wide lock).
 */
public final class HostUplink implements Uplink {
  public static final String HOST_IF = "acup0";
  public static final String GATEWAY_IP = "100.127.255.253";
  public static final String HOST_IP = "100.127.255.254";
  static final String FWD = "ACORE-UPLINK";
  static final String IN = "ACORE-UPLINK-IN";
  static final String NAT = "ACORE-UPLINK-NAT";
  static final List<String> NON_PUBLIC = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
      "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/3");

  private final String dns;
  private final String hostIface;
  private final int connectPort;
  private final String hostNs;
  private String previousForward;
  private boolean attached;

  /**
   * @param dns upstream resolver, e.g. 8.8.8.8 or the VPC resolver (not the metadata address)
   * @param hostIface the host's egress interface, e.g. ens4
   * @param hostNs null for the real host; a namespace name in tests, which stands in for it
   */
  public HostUplink(String dns, String hostIface, int connectPort, String hostNs) {
    this.dns = dns;
    this.hostIface = hostIface;
    this.connectPort = connectPort;
    this.hostNs = hostNs;
  }

  @Override
  public void attach(String gatewayNs) throws IsolationException {
    removeRules();
    Procs.quiet(Netns.T, host("ip", "link", "del", HOST_IF));
    attached = true;
    check("ip", "link", "add", HOST_IF, "type", "veth", "peer", "name", "up0", "netns", gatewayNs);
    check("ip", "addr", "add", HOST_IP + "/30", "dev", HOST_IF);
    check("ip", "link", "set", HOST_IF, "up");
    Netns.ip(gatewayNs, "addr", "add", GATEWAY_IP + "/30", "dev", "up0");
    Netns.ip(gatewayNs, "link", "set", "up0", "up");
    Netns.ip(gatewayNs, "route", "add", "default", "via", HOST_IP);
    previousForward = check("sysctl", "-n", "net.ipv4.ip_forward").strip();
    check("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
    for (String[] c : rules()) check(c);
  }

  List<String[]> rules() {
    List<String[]> r = new ArrayList<>();
    r.add(new String[] {"iptables", "-N", FWD});
    r.add(new String[] {"iptables", "-A", FWD, "-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", "-j", "ACCEPT"});
    for (String proto : List.of("udp", "tcp")) {
      r.add(new String[] {"iptables", "-A", FWD, "-i", HOST_IF, "-o", hostIface, "-d", dns + "/32", "-p", proto, "--dport", "53", "-j", "ACCEPT"});
    }
    for (String net : NON_PUBLIC) r.add(new String[] {"iptables", "-A", FWD, "-i", HOST_IF, "-d", net, "-j", "REJECT"});
    r.add(new String[] {"iptables", "-A", FWD, "-i", HOST_IF, "-o", hostIface, "-p", "tcp", "--dport", Integer.toString(connectPort), "-j", "ACCEPT"});
    r.add(new String[] {"iptables", "-A", FWD, "-j", "REJECT"});
    r.add(new String[] {"iptables", "-I", "FORWARD", "1", "-i", HOST_IF, "-j", FWD});
    r.add(new String[] {"iptables", "-I", "FORWARD", "1", "-o", HOST_IF, "-j", FWD});
    // The host's own services are not the gateway's business.
    r.add(new String[] {"iptables", "-N", IN});
    r.add(new String[] {"iptables", "-A", IN, "-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", "-j", "ACCEPT"});
    r.add(new String[] {"iptables", "-A", IN, "-j", "DROP"});
    r.add(new String[] {"iptables", "-I", "INPUT", "1", "-i", HOST_IF, "-j", IN});
    r.add(new String[] {"iptables", "-t", "nat", "-N", NAT});
    r.add(new String[] {"iptables", "-t", "nat", "-A", NAT, "-s", GATEWAY_IP + "/32", "-o", hostIface, "-j", "MASQUERADE"});
    r.add(new String[] {"iptables", "-t", "nat", "-I", "POSTROUTING", "1", "-j", NAT});
    return r;
  }

  /** Removes our chains and the jumps into them; quiet, so it also cleans up after a crash. */
  private void removeRules() {
    for (String[] jump : new String[][] {{"FORWARD", "-i", HOST_IF, "-j", FWD}, {"FORWARD", "-o", HOST_IF, "-j", FWD},
        {"INPUT", "-i", HOST_IF, "-j", IN}}) {
      // a crash may have left a jump more than once
      while (Procs.quiet(Netns.T, host(concat("iptables", concat("-D", jump)))).code() == 0) {}
    }
    for (String chain : List.of(FWD, IN)) {
      Procs.quiet(Netns.T, host("iptables", "-F", chain));
      Procs.quiet(Netns.T, host("iptables", "-X", chain));
    }
    while (Procs.quiet(Netns.T, host("iptables", "-t", "nat", "-D", "POSTROUTING", "-j", NAT)).code() == 0) {}
    Procs.quiet(Netns.T, host("iptables", "-t", "nat", "-F", NAT));
    Procs.quiet(Netns.T, host("iptables", "-t", "nat", "-X", NAT));
  }

  private String check(String... argv) throws IsolationException {
    return Procs.check(IsolationError.NETWORK_FAILED, Netns.T, host(argv));
  }

  private String[] host(String... argv) {
    return hostNs == null ? argv : Netns.in(hostNs, argv);
  }

  private static String[] concat(String first, String[] rest) {
    String[] a = new String[rest.length + 1];
    a[0] = first;
    System.arraycopy(rest, 0, a, 1, rest.length);
    return a;
  }

  @Override
  public String upstreamDns() {
    return dns;
  }

  @Override
  public void close() {
    if (!attached) return;
    attached = false;
    removeRules();
    Procs.quiet(Netns.T, host("ip", "link", "del", HOST_IF));
    if ("0".equals(previousForward)) Procs.quiet(Netns.T, host("sysctl", "-q", "-w", "net.ipv4.ip_forward=0"));
  }
}
