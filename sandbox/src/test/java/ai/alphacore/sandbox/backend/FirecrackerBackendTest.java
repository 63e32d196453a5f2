package ai.alphacore.sandbox.backend;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.sandbox.guest.GuestArtifacts;
import ai.alphacore.sandbox.network.GatewayNamespace;
import ai.alphacore.sandbox.network.NetPolicy;
import ai.alphacore.sandbox.network.Uplink;
import ai.alphacore.sandbox.refresh.RefreshResult;
import ai.alphacore.sandbox.refresh.TerraformRefresh;
import ai.alphacore.sandbox.secret.Secret;
import ai.alphacore.sandbox.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Firecracker backend's orchestration, end to end with a stand-in jailer and VMM
 * ({@link FakeJailer}) because this machine has no VT-x: the jailer's arguments, the chroot with
 * hard-linked master images and per-run drives owned by the jail uid, the API calls, the token on
 * the secret drive only, the results drive read back without a mount, the TAP in the run
 * namespace owned by the jail uid, and nothing left behind.
 */
class FirecrackerBackendTest {
  static final String TOKEN = "ya29.firecracker-canary-0123456789";

  @TempDir Path tmp;

  FirecrackerBackend backend(Path record) throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    GuestArtifacts g = GuestArtifacts.in(home);
    Files.createDirectories(g.modules());
    Files.createDirectories(g.initramfs().getParent());
    for (Path p : List.of(g.kernel(), g.initramfs(), g.rootfs())) Files.writeString(p, "master image " + p.getFileName());
    Files.writeString(g.layoutStamp(), GuestArtifacts.LAYOUT + "\n");
    String java = ProcessHandle.current().info().command().orElseThrow();
    Path jailer = Fixtures.script(tmp, "jailer", "exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
        + FakeJailer.class.getName() + " '" + record + "' \"$@\"\n");
    Path firecracker = Fixtures.script(tmp, "firecracker", "echo 'the jailer execs me; the stand-in does not' >&2; exit 99\n");
    return new FirecrackerBackend(new FirecrackerBackend.Config(firecracker, jailer, tmp.resolve("jail"), g, new UidPool(22000, 4), false));
  }

  RefreshResult run(FirecrackerBackend b, GatewayNamespace gw) throws Exception {
    var o = Fixtures.bwrapOptions(BwrapConfig.defaults()).withTokens(() -> Secret.of(TOKEN)).withBackend(b);
    if (gw != null) o = o.withNetwork(gw::attach);
    return TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"), o);
  }

  static List<String> paths(JsonNode rec) {
    List<String> p = new ArrayList<>();
    rec.path("calls").forEach(c -> p.add(c.path("method").asText() + " " + c.path("path").asText()));
    return p;
  }

  @Test
  void jailChrootDrivesApiAndResultsWithoutANetwork() throws Exception {
    Path record = tmp.resolve("record.json");
    FirecrackerBackend b = backend(record);
    assertThat(b.health().available()).as(b.health().summary()).isTrue();
    RefreshResult r = run(b, null);
    assertThat(r.failure()).as(r.toJson(true).toPrettyString()).isNull();
    assertThat(r.backend()).isEqualTo("firecracker");
    assertThat(r.verdict().status()).isEqualTo("pass");
    assertThat(r.logs().get("refresh")).contains("token_len=" + TOKEN.length()).doesNotContain(TOKEN);
    JsonNode rec = new ObjectMapper().readTree(Files.readString(record));
    assertThat(rec.path("guest_error").isMissingNode()).as(rec.toString()).isTrue();
    List<String> argv = new ArrayList<>();
    rec.path("argv").forEach(x -> argv.add(x.asText()));
    String uid = argv.get(argv.indexOf("--uid") + 1);
    assertThat(Integer.parseInt(uid)).isBetween(22000, 22003);
    assertThat(argv.get(argv.indexOf("--gid") + 1)).isEqualTo(uid);
    assertThat(argv).doesNotContain("--netns").containsSubsequence("--", "--api-sock", "/run/fc.sock");
    assertThat(String.join(" ", argv)).doesNotContain(TOKEN);
    assertThat(paths(rec)).containsExactly("PUT /machine-config", "PUT /boot-source", "PUT /drives/rootfs", "PUT /drives/workspace",
        "PUT /drives/results", "PUT /drives/secret", "PUT /actions");
    // Master images are hard links, never chowned; per-run drives belong to the jail uid alone.
    GuestArtifacts g = GuestArtifacts.in(tmp.resolve("home"));
    JsonNode files = rec.path("files");
    assertThat(files.path("vmlinux").path("ino").asText()).isEqualTo(Files.getAttribute(g.kernel(), "unix:ino").toString());
    assertThat(files.path("rootfs.ext4").path("ino").asText()).isEqualTo(Files.getAttribute(g.rootfs(), "unix:ino").toString());
    assertThat(files.path("rootfs.ext4").path("uid").asInt()).isZero();
    for (String f : List.of("workspace.ext4", "results.img", "secret.img")) {
      assertThat(files.path(f).path("uid").asText()).as(f).isEqualTo(uid);
      assertThat(files.path(f).path("mode").asText()).as(f).isEqualTo("rw-------");
    }
    // The jail is gone, and the master images are untouched.
    assertThat(tmp.resolve("jail/firecracker")).isEmptyDirectory();
    assertThat(Files.readString(g.rootfs())).isEqualTo("master image rootfs.ext4");
  }

  @Test
  void aRunWithANetworkHandsTheJailerTheRunNamespaceAndATapOwnedByTheJailUid() throws Exception {
    Path record = tmp.resolve("record-net.json");
    FirecrackerBackend b = backend(record);
    RefreshResult r;
    try (GatewayNamespace gw = GatewayNamespace.start("fc" + ProcessHandle.current().pid(), NetPolicy.DEFAULT, Uplink.isolated())) {
      r = run(b, gw);
    }
    assertThat(r.failure()).as(r.toJson(true).toPrettyString()).isNull();
    JsonNode rec = new ObjectMapper().readTree(Files.readString(record));
    List<String> argv = new ArrayList<>();
    rec.path("argv").forEach(x -> argv.add(x.asText()));
    String uid = argv.get(argv.indexOf("--uid") + 1);
    assertThat(argv.get(argv.indexOf("--netns") + 1)).isEqualTo("/run/netns/acrun-" + r.runId());
    assertThat(rec.path("tap").asText()).contains("tun type tap").contains("user " + uid + " group " + uid);
    assertThat(paths(rec)).containsSubsequence("PUT /drives/secret", "PUT /network-interfaces/eth0", "PUT /actions");
    JsonNode boot = rec.path("calls").get(1).path("body");
    assertThat(boot.path("boot_args").asText()).contains("alphacore.net=10.201.0.2/30,10.201.0.1,10.200.255.1,8888");
    assertThat(Files.exists(Path.of("/run/netns/acrun-" + r.runId()))).isFalse();
  }
}
