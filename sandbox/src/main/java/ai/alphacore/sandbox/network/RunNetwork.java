package ai.alphacore.sandbox.network;

import java.nio.file.Path;

/**
 * One run's network namespace: a single veth to the gateway, a /30, and an OUTPUT policy that
 * allows only the gateway's DNS and proxy. Fresh per run; {@link #close} deletes it (and the veth
 * with it).
 *
 * @param serviceIp where dnsmasq (:53) and tinyproxy (:8888) listen, in the gateway
 */
public record RunNetwork(String namespace, String sandboxIp, String peerIp, String serviceIp, int slot, GatewayNamespace gateway)
    implements AutoCloseable {
  public Path nsPath() {
    return Netns.path(namespace);
  }

  public String proxyUrl() {
    return "http://" + serviceIp + ":" + GatewayNamespace.PROXY_PORT;
  }

  public String resolvConf() {
    return "nameserver " + serviceIp + "\noptions timeout:2 attempts:2\n";
  }

  /** A TAP for a VM guest whose VMM runs as {@code vmmUid}; see {@link GuestNic}. */
  public GuestNic tap(int vmmUid) throws ai.alphacore.sandbox.backend.IsolationException {
    return gateway.addTap(this, vmmUid);
  }

  @Override
  public void close() {
    gateway.release(this);
  }
}
