package ai.alphacore.sandbox.network;

import ai.alphacore.sandbox.backend.IsolationError;
import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.backend.Procs;
import ai.alphacore.sandbox.intake.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "The internet" for network tests: a namespace we create (addresses from TEST-NET-2, so they count
 * as public), connected only to the gateway or to a stand-in host. It runs
 * a fake resolver (oauth2.googleapis.com, evil.example.com, and meta.googleapis.com pointing at
 * the metadata address) and busybox httpd servers on those addresses. Nothing leaves the machine.
 */
final class FakeUpstream implements Uplink {
  static final String DNS = "198.51.100.2";
  static final String API = "198.51.100.10";
  static final String EVIL = "198.51.100.11";
  static final String METADATA = "169.254.169.254";

  private final String ns;
  private final Path dir;
  private final List<Process> procs = new ArrayList<>();

  FakeUpstream(String tag) throws IOException {
    this.ns = "acup-" + tag;
    this.dir = Files.createTempDirectory("fake-upstream");
  }

  @Override
  public void attach(String gatewayNs) throws IsolationException {
    Netns.delete(ns);
    Netns.add(ns);
    Netns.ip(gatewayNs, "link", "add", "up0", "type", "veth", "peer", "name", "eth0", "netns", ns);
    Netns.ip(gatewayNs, "addr", "add", "198.51.100.1/24", "dev", "up0");
    Netns.ip(gatewayNs, "link", "set", "up0", "up");
    Netns.ip(gatewayNs, "route", "add", "default", "via", DNS);
    for (String a : List.of(DNS + "/24", API + "/24", EVIL + "/24")) Netns.ip(ns, "addr", "add", a, "dev", "eth0");
    Netns.ip(ns, "addr", "add", METADATA + "/32", "dev", "lo");
    Netns.ip(ns, "link", "set", "eth0", "up");
    Netns.ip(ns, "route", "add", "10.200.0.0/16", "via", "198.51.100.1");
    try {
      Files.writeString(dir.resolve("dns.conf"), String.join("\n", "listen-address=" + DNS, "bind-interfaces", "no-resolv", "no-hosts",
          "address=/oauth2.googleapis.com/" + API, "address=/evil.example.com/" + EVIL, "address=/meta.googleapis.com/" + METADATA, ""));
      for (String site : List.of("api", "evil", "metadata")) {
        Path d = Files.createDirectories(dir.resolve(site));
        Files.writeString(d.resolve("index.html"), "hello-from-" + site + "\n");
      }
      Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      start("dnsmasq", "-k", "-C", dir.resolve("dns.conf").toString(), "--pid-file=", "--user=nobody");
      for (String[] s : new String[][] {{API, "443", "api"}, {API, "80", "api"}, {EVIL, "443", "evil"}, {METADATA, "80", "metadata"},
          {METADATA, "443", "metadata"}}) {
        start("busybox", "httpd", "-f", "-p", s[0] + ":" + s[1], "-h", dir.resolve(s[2]).toString());
      }
      Thread.sleep(200);
    } catch (IOException | InterruptedException e) {
      throw new IsolationException(IsolationError.NETWORK_FAILED, "fake upstream failed: " + e.getMessage(), e);
    }
  }

  private void start(String... argv) throws IOException {
    procs.add(new ProcessBuilder(Netns.in(ns, argv)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
  }

  /** Runs a command in the upstream namespace (tests use it to check the servers themselves). */
  Procs.Exit exec(String... argv) {
    return Procs.quiet(java.time.Duration.ofSeconds(10), Netns.in(ns, argv));
  }

  @Override
  public String upstreamDns() {
    return DNS;
  }

  @Override
  public void close() {
    for (Process p : procs) Procs.killTree(p.toHandle());
    Netns.delete(ns);
    try {
      Workspace.deleteTree(dir);
    } catch (IOException ignored) {
      // temp files
    }
  }
}
