package ai.alphacore.sandbox.network;

/**
 * A VM guest's network card: a TAP device inside the run namespace, owned by the VMM's uid. The
 * run namespace routes (and masquerades) only the guest's DNS and proxy traffic to the gateway;
 * the guest learns its address from the kernel command line ({@link #kernelArg}).
 *
 * @param tap device name inside the run namespace
 * @param guestCidr the guest's address and prefix, e.g. 10.201.0.2/30
 * @param routerIp the run namespace's address on the TAP, the guest's default route
 */
public record GuestNic(String tap, String guestCidr, String routerIp, String serviceIp, int proxyPort, String mac) {
  public static final String TAP = "tap0";
  public static final String GUEST_IP = "10.201.0.2";
  public static final String ROUTER_IP = "10.201.0.1";
  /** Locally administered, fixed: every guest sits alone on its own TAP. */
  public static final String MAC = "02:ac:00:00:00:02";

  public String guestIp() {
    return guestCidr.substring(0, guestCidr.indexOf('/'));
  }

  /** Parsed by vm-init.sh: {@code alphacore.net=<guest cidr>,<router>,<dns and proxy address>,<proxy port>}. */
  public String kernelArg() {
    return "alphacore.net=" + guestCidr + "," + routerIp + "," + serviceIp + "," + proxyPort;
  }
}
