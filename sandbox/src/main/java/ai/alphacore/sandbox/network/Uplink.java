package ai.alphacore.sandbox.network;

import ai.alphacore.sandbox.backend.IsolationException;

/**
 * What lies beyond the gateway namespace: on a production host, a veth to the host with NAT
 * ({@link HostUplink}); in tests, a namespace with fake DNS and API servers. The gateway never
 * forwards packets (ip_forward stays 0 there); only its dnsmasq and tinyproxy use the uplink.
 */
public interface Uplink extends AutoCloseable {
  /** Connects the gateway namespace; returns nothing, but the gateway's default route must work after. */
  void attach(String gatewayNs) throws IsolationException;

  /** The resolver dnsmasq forwards allowed names to. */
  String upstreamDns();

  @Override
  void close();

  /**
   * Nothing beyond the gateway: runs still get the resolver and the proxy, which reach nothing.
   * For benchmarks of the network's own cost and for offline hosts.
   */
  static Uplink isolated() {
    return new Uplink() {
      @Override
      public void attach(String gatewayNs) {}

      @Override
      public String upstreamDns() {
        return "127.0.0.1"; // nothing listens there inside the gateway: every forwarded query is refused
      }

      @Override
      public void close() {}
    };
  }
}
