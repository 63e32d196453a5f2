package ai.alphacore.sandbox.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.sandbox.backend.Procs;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves each rule of the network policy from inside a fresh run namespace, as an unprivileged
 * uid, against a fake upstream namespace. Only namespaces this test creates carry traffic.
 */
class NetworkPolicyTest {
  static GatewayNamespace gw;
  static FakeUpstream up;
  static RunNetwork run;
  static final String PROXY = "http://" + GatewayNamespace.SERVICE_IP + ":" + GatewayNamespace.PROXY_PORT;

  @BeforeAll
  static void up() throws Exception {
    up = new FakeUpstream("t" + ProcessHandle.current().pid());
    gw = GatewayNamespace.start("t" + ProcessHandle.current().pid(), NetPolicy.DEFAULT, up);
    run = gw.attach("nettest");
  }

  @AfterAll
  static void down() {
    if (run != null) run.close();
    if (gw != null) gw.close();
  }

  /** Runs argv in the run namespace as uid 2000 (ip netns exec: resolv.conf comes from /etc/netns). */
  static Procs.Exit sandboxed(RunNetwork n, String... argv) {
    List<String> a = new ArrayList<>(List.of("ip", "netns", "exec", n.namespace(), "setpriv", "--reuid=2000", "--regid=2000",
        "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"));
    a.addAll(List.of(argv));
    return Procs.quiet(Duration.ofSeconds(15), a.toArray(String[]::new));
  }

  static String connect(String target) {
    return sandboxed(run, "curl", "-s", "-o", "/dev/null", "--max-time", "5", "-w", "%{http_connect} %{http_code}", "-p", "-x", PROXY,
        "http://" + target + "/").output().trim();
  }

  static int curlDirect(String url) {
    return sandboxed(run, "curl", "-s", "-o", "/dev/null", "--connect-timeout", "2", "--max-time", "3", url).code();
  }

  @Test
  void fakeUpstreamServesWhatTheTestsExpect() {
    // Guards the other tests: a denial must come from the policy, not from a dead fake server.
    String api = Procs.quiet(Duration.ofSeconds(5), Netns.in(gw.name(), "curl", "-s", "--max-time", "3",
        "http://" + FakeUpstream.API + ":443/")).output();
    assertThat(api).contains("hello-from-api");
    assertThat(up.exec("curl", "-s", "--max-time", "3", "http://" + FakeUpstream.METADATA + "/").output()).contains("hello-from-metadata");
    assertThat(up.exec("curl", "-s", "--max-time", "3", "http://" + FakeUpstream.EVIL + ":443/").output()).contains("hello-from-evil");
  }

  @Test
  void dnsAllowsOnlyAllowlistedNames() {
    assertThat(sandboxed(run, "getent", "hosts", "oauth2.googleapis.com").output()).contains(FakeUpstream.API);
    Procs.Exit evil = sandboxed(run, "getent", "hosts", "evil.example.com");
    assertThat(evil.code()).isNotZero();
    assertThat(evil.output()).doesNotContain(FakeUpstream.EVIL);
  }

  @Test
  void dnsToAnyOtherResolverIsBlocked() {
    Procs.Exit direct = sandboxed(run, "timeout", "4", "busybox", "nslookup", "oauth2.googleapis.com", FakeUpstream.DNS);
    assertThat(direct.output()).doesNotContain(FakeUpstream.API);
  }

  @Test
  void connectProxyAllowsGoogleapisOn443Only() {
    assertThat(connect("oauth2.googleapis.com:443")).isEqualTo("200 200");
    assertThat(connect("evil.example.com:443")).startsWith("403");
    assertThat(connect("oauth2.googleapis.com:80")).startsWith("403");
    String plain = sandboxed(run, "curl", "-s", "-o", "/dev/null", "--max-time", "5", "-w", "%{http_code}", "-x", PROXY,
        "http://oauth2.googleapis.com/").output().trim();
    assertThat(plain).isEqualTo("403");
  }

  @Test
  void metadataIsBlockedDirectlyThroughTheProxyAndForTheProxyItself() {
    long t0 = System.nanoTime();
    assertThat(curlDirect("http://" + FakeUpstream.METADATA + "/")).isEqualTo(7); // connection reset, at once
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    assertThat(connect(FakeUpstream.METADATA + ":443")).startsWith("403");
    String viaProxy = sandboxed(run, "curl", "-s", "--max-time", "5", "-x", PROXY, "http://" + FakeUpstream.METADATA + "/").output();
    assertThat(viaProxy).doesNotContain("hello-from-metadata");
    // An allowlisted name that resolves to the metadata address: the filter admits it, the gateway's
    // OUTPUT rule refuses the proxy's own connection.
    assertThat(connect("meta.googleapis.com:443")).doesNotStartWith("200");
    String counters = Procs.quiet(Duration.ofSeconds(5), Netns.in(gw.name(), "iptables", "-vnL", "OUTPUT")).output();
    assertThat(counters).containsPattern("\\n\\s*[1-9]\\d*\\s+\\d+\\s+REJECT\\s+6\\s+.*169\\.254\\.169\\.254");
  }

  @Test
  void directEgressAndOtherGatewayPortsAreDropped() {
    assertThat(curlDirect("http://" + FakeUpstream.API + ":443/")).isNotZero();
    assertThat(curlDirect("http://" + GatewayNamespace.SERVICE_IP + ":22/")).isNotZero();
  }

  @Test
  void gatewayAloneHoldsWhenTheRunNamespaceRulesAreGone() throws Exception {
    try (RunNetwork bare = gw.attach("bare")) {
      Procs.quiet(Duration.ofSeconds(5), Netns.in(bare.namespace(), "iptables", "-P", "OUTPUT", "ACCEPT"));
      Procs.quiet(Duration.ofSeconds(5), Netns.in(bare.namespace(), "iptables", "-F"));
      assertThat(sandboxed(bare, "curl", "-s", "-o", "/dev/null", "--connect-timeout", "2", "--max-time", "3",
          "http://" + FakeUpstream.API + ":443/").code()).isNotZero();
      // The gateway never forwards (ip_forward 0), so metadata packets die there: dropped, not reset.
      Procs.Exit md = sandboxed(bare, "curl", "-s", "--max-time", "3", "http://" + FakeUpstream.METADATA + "/");
      assertThat(md.code()).isNotZero();
      assertThat(md.output()).doesNotContain("hello-from-metadata");
      // and the sandbox user cannot touch its own rules
      assertThat(sandboxed(run, "iptables", "-F").code()).isNotZero();
    }
  }

  @Test
  void everyRunGetsAFreshNamespaceThatIsDeletedAfter() throws Exception {
    RunNetwork a = gw.attach("fresh-a");
    RunNetwork b = gw.attach("fresh-b");
    try {
      assertThat(a.namespace()).isNotEqualTo(b.namespace());
      assertThat(a.sandboxIp()).isNotEqualTo(b.sandboxIp());
      // runs cannot reach each other
      assertThat(sandboxed(a, "curl", "-s", "--connect-timeout", "2", "--max-time", "3", "http://" + b.sandboxIp() + ":80/").code()).isNotZero();
    } finally {
      a.close();
      b.close();
    }
    assertThat(Files.exists(a.nsPath())).isFalse();
    assertThat(Files.exists(b.nsPath())).isFalse();
    assertThat(Procs.quiet(Duration.ofSeconds(5), "ip", "-n", gw.name(), "-o", "link").output()).doesNotContain("vg" + Integer.toHexString(0x100000 + a.slot()));
  }

  @Test
  void bwrapSandboxReachesTheApiOnlyThroughTheProxy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    String probe = String.join("\n    ",
        "echo \"ifaces=$(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort | tr '\\n' ,)\"",
        "echo \"via_proxy=$(curl -s --max-time 5 -p -x \"$https_proxy\" http://oauth2.googleapis.com:443/)\"",
        "echo \"direct=$(curl -s --noproxy '*' --connect-timeout 2 --max-time 3 http://" + FakeUpstream.API + ":443/ || echo blocked)\"",
        "echo \"evil_dns=$(getent hosts evil.example.com || echo nxdomain)\"", "");
    java.nio.file.Path fake = ai.alphacore.sandbox.testing.Fixtures.script(tmp, "terraform", ai.alphacore.sandbox.testing.Fixtures.fakeTerraform(probe));
    var o = ai.alphacore.sandbox.testing.Fixtures.bwrapOptions(ai.alphacore.sandbox.backend.BwrapConfig.defaults().withTerraform(fake))
        .withNetwork(gw::attach);
    var r = ai.alphacore.sandbox.refresh.TerraformRefresh.run(ai.alphacore.sandbox.testing.Fixtures.workspaceZip("hello"),
        ai.alphacore.sandbox.testing.Fixtures.task("hello"), o);
    assertThat(r.failure()).as(r.toJson(true).toPrettyString()).isNull();
    assertThat(r.logs().get("refresh")).contains("ifaces=eth0,lo,", "via_proxy=hello-from-api", "direct=blocked", "evil_dns=nxdomain");
    assertThat(Files.exists(Netns.path("acrun-" + r.runId()))).isFalse();
  }

  @Test
  void proxyFilterIsAnchored() {
    assertThat(NetPolicy.DEFAULT.proxyFilter()).isEqualTo("^([^.]+\\.)*googleapis\\.com(:443)?$\n");
  }
}
