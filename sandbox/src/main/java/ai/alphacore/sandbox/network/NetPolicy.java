package ai.alphacore.sandbox.network;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a sandbox may reach: names it may resolve, hosts it may CONNECT to through the proxy (one
 * port), and the metadata address blocked everywhere, the proxy included.
 *
 * @param dnsDomains domains (and their subdomains) the DNS allowlist forwards upstream; all else NXDOMAIN
 * @param connectHosts host patterns for CONNECT: "*.googleapis.com" or an exact host name
 */
public record NetPolicy(List<String> dnsDomains, List<String> connectHosts, int connectPort, String metadataAddress) {
  private static final Pattern NAME = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  public static final NetPolicy DEFAULT = new NetPolicy(List.of("googleapis.com"), List.of("*.googleapis.com"), 443, "169.254.169.254");

  public NetPolicy {
    dnsDomains = List.copyOf(dnsDomains);
    connectHosts = List.copyOf(connectHosts);
    for (String d : dnsDomains) if (d.startsWith("*") || !NAME.matcher(d).matches()) throw new IllegalArgumentException("bad DNS domain: " + d);
    for (String h : connectHosts) if (!NAME.matcher(h).matches()) throw new IllegalArgumentException("bad CONNECT host pattern: " + h);
    if (connectPort < 1 || connectPort > 65535) throw new IllegalArgumentException("bad port");
  }

  /** The tinyproxy filter: one anchored extended regex per pattern, matching host[:port] of a CONNECT. */
  public String proxyFilter() {
    return connectHosts.stream().map(h -> {
      String body = h.startsWith("*.") ? "([^.]+\\.)*" + quote(h.substring(2)) : quote(h);
      return "^" + body + "(:" + connectPort + ")?$";
    }).collect(Collectors.joining("\n", "", "\n"));
  }

  private static String quote(String host) {
    return host.replace(".", "\\.");
  }
}
