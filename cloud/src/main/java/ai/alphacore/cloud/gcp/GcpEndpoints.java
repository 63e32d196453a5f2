package ai.alphacore.cloud.gcp;

import ai.alphacore.cloud.CloudError;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where each service is read from. {@link #official()} pins Google's hosts; {@link #single(URI)}
 * sends every service to one base URL (cloudsim, or a test server), since request paths are the
 * same. Plain http is only allowed to loopback addresses, so a token never crosses a network
 * unencrypted. Endpoints come from the operator, never from a miner.
 */
public record GcpEndpoints(Map<GcpService, URI> bases) {
  public GcpEndpoints {
    bases = Map.copyOf(bases);
    for (GcpService s : GcpService.values()) {
      if (!bases.containsKey(s)) throw new CloudError(CloudError.Code.BAD_ENDPOINT, "no endpoint for " + s);
    }
  }

  public static GcpEndpoints official() {
    Map<GcpService, URI> m = new EnumMap<>(GcpService.class);
    for (GcpService s : GcpService.values()) m.put(s, s.official());
    return new GcpEndpoints(m);
  }

  public static GcpEndpoints single(URI base) {
    URI b = check(base);
    Map<GcpService, URI> m = new EnumMap<>(GcpService.class);
    for (GcpService s : GcpService.values()) m.put(s, b);
    return new GcpEndpoints(m);
  }

  public boolean isOfficial() {
    return equals(official());
  }

  public URI base(GcpService s) {
    return bases.get(s);
  }

  private static URI check(URI u) {
    if (u == null || u.getScheme() == null || u.getHost() == null) {
      throw new CloudError(CloudError.Code.BAD_ENDPOINT, "endpoint must be an absolute http(s) URL, got " + u);
    }
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    if (u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
      throw new CloudError(CloudError.Code.BAD_ENDPOINT, "endpoint must not carry user info, a query or a fragment: " + u);
    }
    if (scheme.equals("https")) return strip(u);
    if (!scheme.equals("http")) throw new CloudError(CloudError.Code.BAD_ENDPOINT, "endpoint scheme must be http or https, got " + scheme);
    try {
      String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) throw new CloudError(CloudError.Code.BAD_ENDPOINT, "plain http is only allowed to loopback; use https for " + u);
      }
    } catch (UnknownHostException e) {
      throw new CloudError(CloudError.Code.BAD_ENDPOINT, "cannot resolve endpoint host " + u.getHost());
    }
    return strip(u);
  }

  private static URI strip(URI u) {
    String s = u.toString();
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return URI.create(s);
  }
}
