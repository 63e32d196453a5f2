package ai.alphacore.sandbox.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.sandbox.backend.Procs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production uplink, exercised for real in a namespace that stands in for the host: the
 * gateway reaches the upstream resolver and public addresses on the CONNECT port through the
 * host's forwarding and NAT, and nothing else: not the host itself, not private or link-local
 * ranges (the metadata address), not other ports. The real host's tables are never touched.
 */
class HostUplinkTest {
  static String hostNs;
  static FakeUpstream internet;
  static HostUplink uplink;
  static GatewayNamespace gw;
  static RunNetwork run;
  static final List<Process> servers = new ArrayList<>();
  static java.nio.file.Path site;

  @BeforeAll
  static void up() throws Exception {
    String tag = "u" + ProcessHandle.current().pid();
    hostNs = "acfh-" + tag;
    Netns.delete(hostNs);
    Netns.add(hostNs);
    internet = new FakeUpstream(tag);
    internet.attach(hostNs); // the stand-in host's egress interface is its up0
    uplink = new HostUplink(FakeUpstream.DNS, "up0", 443, hostNs);
    gw = GatewayNamespace.start(tag, NetPolicy.DEFAULT, uplink);
    run = gw.attach("uplink");
    // A service on the host itself, on the uplink's own address and on all addresses.
    site = java.nio.file.Files.createTempDirectory("host-site");
    java.nio.file.Files.writeString(site.resolve("index.html"), "hello-from-host\n");
    java.nio.file.Files.setPosixFilePermissions(site, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    servers.add(new ProcessBuilder(Netns.in(hostNs, "busybox", "httpd", "-f", "-p", "0.0.0.0:443", "-h", site.toString()))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    Thread.sleep(200);
  }

  @AfterAll
  static void down() {
    servers.forEach(p -> Procs.killTree(p.toHandle()));
    if (run != null) run.close();
    if (gw != null) gw.close(); // closes the uplink
    if (internet != null) internet.close();
    Netns.delete(hostNs);
    try {
      if (site != null) ai.alphacore.sandbox.intake.Workspace.deleteTree(site);
    } catch (java.io.IOException ignored) {
      // temp files
    }
  }



  static int curl(String url) {
    return inNs(gw.name(), "curl", "-s", "-o", "/dev/null", "--connect-timeout", "2", "--max-time", "3", url).code();
  }

  @Test
  void runsReachTheApiThroughProxyGatewayAndHostNat() {
    String out = Procs.quiet(Duration.ofSeconds(15), "ip", "netns", "exec", run.namespace(), "setpriv", "--reuid=2000", "--regid=2000",
        "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "curl", "-s", "--max-time", "5", "-p", "-x", run.proxyUrl(),
        "http://oauth2.googleapis.com:443/").output();
    assertThat(out).contains("hello-from-api");
    // The resolver upstream was reached through the host (dnsmasq forwards the allowlisted name).
    assertThat(Procs.quiet(Duration.ofSeconds(10), "ip", "netns", "exec", gw.name(), "getent", "hosts", "oauth2.googleapis.com").output())
        .contains(FakeUpstream.API);
    // NAT: the API sees the host's address, never the gateway's.
    String conntrack = inNs(hostNs, "iptables", "-t", "nat", "-vnL", HostUplink.NAT).output();
    assertThat(conntrack).containsPattern("\\n\\s*[1-9]\\d*\\s+\\d+\\s+MASQUERADE");
  }

  @Test
  void theHostForwardsOnlyTheConnectPortToPublicAddresses() throws Exception {
    // Strip the gateway's own metadata rule: the host's chain must hold by itself.
    inNs(gw.name(), "iptables", "-F", "OUTPUT");
    try {
      assertThat(curl("http://" + FakeUpstream.API + ":443/")).isZero(); // the proxy's path
      assertThat(curl("http://" + FakeUpstream.API + ":80/")).isNotZero(); // other ports
      assertThat(curl("http://" + FakeUpstream.METADATA + "/")).isNotZero();
      assertThat(curl("http://" + FakeUpstream.METADATA + ":443/")).isNotZero(); // link-local, even on 443
      assertThat(curl("http://" + HostUplink.HOST_IP + ":443/")).isNotZero(); // the host itself
      assertThat(inNs(hostNs, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "3", "http://127.0.0.1:443/").output())
          .as("the host's service is up, so the refusal above is the rule's").isEqualTo("200");
      String counters = inNs(hostNs, "iptables", "-vnL", HostUplink.FWD).output();
      assertThat(counters).containsPattern("\\n\\s*[1-9]\\d*\\s+\\d+\\s+REJECT\\s+\\S+\\s+--\\s+acup0\\s+\\*\\s+\\S+\\s+169\\.254\\.0\\.0/16");
    } finally {
      Netns.iptablesRestore(gw.name(), gw.rules());
    }
  }

  @Test
  void closeRemovesEveryRuleLinkAndTheForwardingItTurnedOn() throws Exception {
    String tag = "c" + ProcessHandle.current().pid();
    String ns = "acfh-" + tag;
    Netns.delete(ns);
    Netns.add(ns);
    try (FakeUpstream net = new FakeUpstream(tag)) {
      net.attach(ns);
      HostUplink u = new HostUplink(FakeUpstream.DNS, "up0", 443, ns);
      try (GatewayNamespace g = GatewayNamespace.start(tag, NetPolicy.DEFAULT, u)) {
        assertThat(tables(ns)).contains(HostUplink.FWD, HostUplink.NAT);
        assertThat(inNs(ns, "sysctl", "-n", "net.ipv4.ip_forward").output().strip()).isEqualTo("1");
      }
      assertThat(tables(ns)).doesNotContain("ACORE").doesNotContain("-A ").doesNotContain("DROP");
      assertThat(inNs(ns, "ip", "-o", "link").output()).doesNotContain(HostUplink.HOST_IF);
      assertThat(inNs(ns, "sysctl", "-n", "net.ipv4.ip_forward").output().strip()).isEqualTo("0");
    } finally {
      Netns.delete(ns);
    }
  }

  static String tables(String ns) {
    return inNs(ns, "iptables-save").output().replaceAll("(?m)^#.*\\n", "").replaceAll("\\[\\d+:\\d+\\]", "");
  }

  static Procs.Exit inNs(String ns, String... argv) {
    return Procs.quiet(Duration.ofSeconds(10), Netns.in(ns, argv));
  }
}
