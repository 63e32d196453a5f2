package ai.alphacore.sandbox.network;

/**
 * The run namespace's own iptables, the second layer behind the gateway's: only the gateway's DNS
 * and proxy leave it, from the namespace itself (bwrap) or forwarded from a VM guest's TAP
 * (masqueraded, so the gateway sees one address per run). Anything addressed to the namespace
 * from the TAP is dropped, and the metadata address is reset at once.
 */
final class RunRules {
  private RunRules() {}

  static String render(String serviceIp, int proxyPort, String metadata, GuestNic nic) {
    StringBuilder r = new StringBuilder();
    if (nic != null) {
      r.append("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n")
          .append("-A POSTROUTING -s ").append(nic.guestIp()).append("/32 -o eth0 -j MASQUERADE\nCOMMIT\n");
    }
    r.append("*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT DROP [0:0]\n")
        .append("-A INPUT -i lo -j ACCEPT\n-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT\n")
        .append("-A OUTPUT -o lo -j ACCEPT\n-A OUTPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT\n");
    services(r, "-A OUTPUT", serviceIp, proxyPort);
    r.append("-A OUTPUT -d ").append(metadata).append("/32 -p tcp -j REJECT --reject-with tcp-reset\n");
    if (nic != null) {
      r.append("-A FORWARD -i eth0 -o ").append(nic.tap()).append(" -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT\n");
      services(r, "-A FORWARD -i " + nic.tap() + " -o eth0 -s " + nic.guestIp() + "/32", serviceIp, proxyPort);
      r.append("-A FORWARD -i ").append(nic.tap()).append(" -d ").append(metadata).append("/32 -p tcp -j REJECT --reject-with tcp-reset\n");
    }
    return r.append("COMMIT\n").toString();
  }

  private static void services(StringBuilder r, String prefix, String serviceIp, int proxyPort) {
    for (String s : new String[] {"-p udp --dport 53", "-p tcp --dport 53", "-p tcp --dport " + proxyPort}) {
      r.append(prefix).append(" -d ").append(serviceIp).append("/32 ").append(s).append(" -j ACCEPT\n");
    }
  }
}
