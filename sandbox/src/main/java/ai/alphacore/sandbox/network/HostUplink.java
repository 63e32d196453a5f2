package ai.alphacore.sandbox.network;

import ai.alphacore.sandbox.backend.IsolationError;
import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.backend.Procs;

/**
 * Production uplink: a veth from the gateway namespace to the host (10.199.0.1 gateway side,
 * 10.199.0.2 host side) and MASQUERADE for the gateway's address only. Only the gateway's own
 * daemons use it. Not exercised on the development machine (no internet; the tests use a fake
 * upstream namespace instead), so treat it as reviewed, not tested.
 */
public final class HostUplink implements Uplink {
  private final String dns;
  private final String hostIface;
  private String gateway;

  /**
   * @param dns upstream resolver, e.g. 8.8.8.8 or the VPC resolver
   * @param hostIface the host's egress interface, e.g. ens4
   */
  public HostUplink(String dns, String hostIface) {
    this.dns = dns;
    this.hostIface = hostIface;
  }

  @Override
  public void attach(String gatewayNs) throws IsolationException {
    gateway = gatewayNs;
    String host = "acup-" + Integer.toHexString(gatewayNs.hashCode() & 0xfffffff);
    Procs.check(IsolationError.NETWORK_FAILED, Netns.T, "ip", "link", "add", host, "type", "veth", "peer", "name", "up0", "netns", gatewayNs);
    Procs.check(IsolationError.NETWORK_FAILED, Netns.T, "ip", "addr", "add", "10.199.0.2/30", "dev", host);
    Procs.check(IsolationError.NETWORK_FAILED, Netns.T, "ip", "link", "set", host, "up");
    Netns.ip(gatewayNs, "addr", "add", "10.199.0.1/30", "dev", "up0");
    Netns.ip(gatewayNs, "link", "set", "up0", "up");
    Netns.ip(gatewayNs, "route", "add", "default", "via", "10.199.0.2");
    Procs.check(IsolationError.NETWORK_FAILED, Netns.T, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
    Procs.check(IsolationError.NETWORK_FAILED, Netns.T, "iptables", "-t", "nat", "-A", "POSTROUTING", "-s", "10.199.0.1/32", "-o", hostIface,
        "-j", "MASQUERADE");
    // The host must not forward anything else from the gateway, metadata included.
    Procs.check(IsolationError.NETWORK_FAILED, Netns.T, "iptables", "-I", "FORWARD", "-i", host, "-d", "169.254.169.254", "-j", "REJECT");
  }

  @Override
  public String upstreamDns() {
    return dns;
  }

  @Override
  public void close() {
    if (gateway == null) return;
    String host = "acup-" + Integer.toHexString(gateway.hashCode() & 0xfffffff);
    Procs.quiet(Netns.T, "iptables", "-t", "nat", "-D", "POSTROUTING", "-s", "10.199.0.1/32", "-o", hostIface, "-j", "MASQUERADE");
    Procs.quiet(Netns.T, "iptables", "-D", "FORWARD", "-i", host, "-d", "169.254.169.254", "-j", "REJECT");
    Procs.quiet(Netns.T, "ip", "link", "del", host);
  }
}
