package ai.alphacore.sandbox.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.sandbox.backend.BwrapConfig;
import ai.alphacore.sandbox.backend.Procs;
import ai.alphacore.sandbox.backend.QemuBackend;
import ai.alphacore.sandbox.guest.GuestArtifacts;
import ai.alphacore.sandbox.intake.Workspace;
import ai.alphacore.sandbox.refresh.RefreshResult;
import ai.alphacore.sandbox.refresh.TerraformRefresh;
import ai.alphacore.sandbox.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A QEMU guest on the run namespace's TAP: from inside the VM (its own kernel, busybox tools),
 * DNS answers only allowlisted names, the proxy tunnels only to them, and direct egress and the
 * metadata address are unreachable. One boot (about 6 s under TCG) runs every probe.
 */
class VmGuestNetworkTest {
  static GatewayNamespace gw;
  static FakeUpstream up;
  static Path dir;
  static GuestArtifacts guest;

  /**
   * CONNECT through the proxy named in $https_proxy, then a plain GET through the tunnel. The
   * writer stays open a moment: at its EOF nc shuts the connection and the proxy may tear the
   * tunnel down before the upstream has answered (seen once under TCG).
   */
  static String tunnel(String target) {
    return "{ printf 'CONNECT " + target + " HTTP/1.0\\r\\n\\r\\nGET / HTTP/1.0\\r\\n\\r\\n'; sleep 2; } | nc -w 5 \"$ph\" \"$pp\" 2>&1"
        + " | tr -d '\\r' | tr '\\n' '|'";
  }

  static String direct(String ip, int port) {
    return "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 " + ip + " " + port + " 2>&1 | grep -c hello";
  }

  @BeforeAll
  static void up() throws Exception {
    String tag = "v" + ProcessHandle.current().pid();
    up = new FakeUpstream(tag);
    gw = GatewayNamespace.start(tag, NetPolicy.DEFAULT, up);
    dir = Files.createTempDirectory("vm-net-test");
    String probe = String.join("\n    ",
        "p=${https_proxy#http://}; ph=${p%:*}; pp=${p##*:}",
        "echo \"ifaces=$(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort | tr '\\n' ,)\"",
        "echo \"resolver=$(grep nameserver /etc/resolv.conf)\"",
        "echo \"ca_bundle=$(grep -c 'BEGIN CERTIFICATE' /etc/ssl/certs/ca-certificates.crt)\"",
        "echo \"dns_api=$(nslookup oauth2.googleapis.com 2>&1 | grep -c " + FakeUpstream.API + ")\"",
        "echo \"dns_evil=$(nslookup evil.example.com 2>&1 | grep -c " + FakeUpstream.EVIL + ")\"",
        "echo \"api=$(" + tunnel("oauth2.googleapis.com:443") + ")\"",
        "echo \"evil=$(" + tunnel("evil.example.com:443") + ")\"",
        "echo \"meta_name=$(" + tunnel("meta.googleapis.com:443") + ")\"",
        "echo \"direct_api=$(" + direct(FakeUpstream.API, 443) + ")\"",
        "echo \"direct_meta=$(" + direct(FakeUpstream.METADATA, 80) + ")\"",
        "echo \"gateway_ssh=$(" + direct(GatewayNamespace.SERVICE_IP, 22) + ")\"", "");
    guest = Fixtures.busyboxGuest(dir, "net", Fixtures.script(dir, "terraform", Fixtures.fakeTerraform(probe)));
  }

  @AfterAll
  static void down() throws Exception {
    if (gw != null) gw.close();
    if (dir != null) Workspace.deleteTree(dir);
  }

  @Test
  void guestReachesOnlyTheAllowlistThroughTheGateway() throws Exception {
    RefreshResult r = TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"),
        Fixtures.bwrapOptions(BwrapConfig.defaults()).withBackend(QemuBackend.withGuest(guest))
            .withNetwork(gw::attach));
    assertThat(r.failure()).as(r.toJson(true).toPrettyString()).isNull();
    String log = r.logs().get("refresh");
    System.out.println("qemu guest network probes:\n" + log);
    assertThat(log).contains("ifaces=eth0,lo,", "resolver=nameserver " + GatewayNamespace.SERVICE_IP, "dns_api=1", "dns_evil=0");
    assertThat(log).containsPattern("ca_bundle=[1-9]\\d+"); // TLS to the APIs verifies against it
    assertThat(log).containsPattern("api=HTTP/1\\.[01] 200 [^\\n]*hello-from-api");
    assertThat(log).containsPattern("evil=HTTP/1\\.[01] 403").doesNotContain("hello-from-evil");
    assertThat(log).contains("meta_name=").doesNotContain("hello-from-metadata");
    assertThat(log).contains("direct_api=0", "direct_meta=0", "gateway_ssh=0");
    assertThat(r.logs().get("console")).contains("[guest] net up " + GuestNic.GUEST_IP + "/30 via " + GuestNic.ROUTER_IP);
    // the run namespace, and its TAP with it, is gone
    assertThat(Files.exists(Netns.path("acrun-" + r.runId()))).isFalse();
    assertThat(Procs.quiet(Duration.ofSeconds(5), "ip", "-o", "link").output()).doesNotContain(GuestNic.TAP);
  }

  @Test
  void aKilledVmLeavesNoProcessNamespaceOrTapBehind() throws Exception {
    RefreshResult r = TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"),
        Fixtures.bwrapOptions(BwrapConfig.defaults()).withBackend(QemuBackend.withGuest(guest))
            .withNetwork(gw::attach).withLimits(ai.alphacore.sandbox.backend.Limits.DEFAULT.withWallClock(Duration.ofMillis(1500))));
    assertThat(r.failure().code()).isEqualTo("SANDBOX_TIMEOUT");
    assertThat(Fixtures.runningQemus()).isZero();
    assertThat(Files.exists(Netns.path("acrun-" + r.runId()))).isFalse();
    assertThat(Procs.quiet(Duration.ofSeconds(5), "ip", "-n", gw.name(), "-o", "link").output()).doesNotContain("vg1");
  }
}
