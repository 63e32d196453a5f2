package ai.alphacore.sandbox.backend;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.sandbox.guest.GuestArtifacts;
import ai.alphacore.sandbox.intake.Workspace;
import ai.alphacore.sandbox.refresh.RefreshResult;
import ai.alphacore.sandbox.refresh.Stage;
import ai.alphacore.sandbox.refresh.TerraformRefresh;
import ai.alphacore.sandbox.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The VM path end to end under QEMU TCG: the busybox guest (kernel from Debian's cloud kernel,
 * initramfs, ext4 rootfs), read-only workspace drive, raw results drive read back without a
 * mount, token on the secret drive. About 5 s a boot, so only three boots here; the 20-run
 * figures are `alphacore bench sandbox`. The kernel comes from scripts/ci-sandbox-deps.sh: when it
 * is missing this test FAILS (a CI setup error), it does not skip.
 */
class QemuBackendTest {
  static Path dir;
  static GuestArtifacts fakeGuest;

  @BeforeAll
  static void buildGuest() throws Exception {
    GuestArtifacts home = GuestArtifacts.in(GuestArtifacts.home());
    assertThat(Files.isRegularFile(home.kernel())).as("guest kernel missing: run scripts/ci-sandbox-deps.sh (" + home.kernel() + ")").isTrue();
    dir = Files.createTempDirectory("qemu-test");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path fake = Fixtures.script(dir, "terraform", Fixtures.fakeTerraform("echo \"uid=$(id -u) token_len=${#GOOGLE_OAUTH_ACCESS_TOKEN}\""
        + "; echo \"kernel=$(uname -r)\"; touch /workspace-src/x 2>/dev/null && echo ws=writable || echo ws=readonly"
        + "; head -c 1 /dev/vdd >/dev/null 2>&1 && echo secret=readable || echo secret=unreadable"));
    fakeGuest = guest("fake", fake);
  }

  static GuestArtifacts guest(String name, Path terraform) throws Exception {
    return Fixtures.busyboxGuest(dir, name, terraform);
  }

  @AfterAll
  static void cleanup() throws Exception {
    if (dir != null) Workspace.deleteTree(dir);
  }

  static QemuBackend backend(GuestArtifacts g) {
    return QemuBackend.withGuest(g);
  }

  @Test
  void guestRunsTheRunnerWithTheSameLayoutAndTheTokenOnlyInApply() {
    RefreshResult r = TerraformRefresh.run(workspace(), Fixtures.task("hello"),
        Fixtures.bwrapOptions(BwrapConfig.defaults()).withTokens(() -> ai.alphacore.sandbox.secret.Secret.of("ya29.qemu-canary-123456789"))
            .withBackend(backend(fakeGuest)));
    assertThat(r.failure()).as(r.toJson(true).toPrettyString()).isNull();
    assertThat(r.backend()).isEqualTo("qemu");
    assertThat(r.verdict().status()).isEqualTo("pass");
    String log = r.logs().get("refresh");
    assertThat(log).contains("uid=2000 token_len=26").contains("ws=readonly").contains("secret=unreadable");
    assertThat(log).containsPattern("kernel=6\\.1\\.\\S+-cloud-amd64"); // the guest's own kernel, not the host's
    assertThat(r.logs().get("console")).contains("[guest] runner exit 0").doesNotContain("qemu-canary");
    System.out.println("qemu fake terraform: " + r.toJson(false));
  }

  @Test
  void realTerraformRefreshInsideTheVm() throws Exception {
    Path tf = Fixtures.realTerraform();
    GuestArtifacts real = guest("real", tf);
    RefreshResult r = TerraformRefresh.run(workspace(), Fixtures.task("hello"), Fixtures.bwrapOptions(BwrapConfig.defaults()).withBackend(backend(real)));
    assertThat(r.failure()).as(r.toJson(true).toPrettyString()).isNull();
    assertThat(r.stages()).extracting(Stage::name).containsExactly("intake", "lint", "init", "refresh", "judge");
    assertThat(r.logs().get("refresh")).contains("terraform_data.x: Refreshing state...");
    assertThat(r.verdict().status()).isEqualTo("pass");
    System.out.println("qemu real terraform: " + r.toJson(false));
  }

  @Test
  void wallClockKillsTheVm() {
    RefreshResult r = TerraformRefresh.run(workspace(), Fixtures.task("hello"), Fixtures.bwrapOptions(BwrapConfig.defaults())
        .withBackend(backend(fakeGuest)).withLimits(Limits.DEFAULT.withWallClock(Duration.ofMillis(1500))));
    assertThat(r.failure().code()).isEqualTo("SANDBOX_TIMEOUT");
    assertThat(Fixtures.runningQemus()).isZero();
  }

  @Test
  void healthExplainsWhatIsMissing() {
    GuestArtifacts nowhere = GuestArtifacts.in(Path.of("/nonexistent"));
    Health h = backend(nowhere).health();
    assertThat(h.available()).isFalse();
    assertThat(String.join("\n", h.problems())).contains("guest kernel /nonexistent/kernel/vmlinux missing");
    Health kvm = new QemuBackend(new QemuBackend.Config(Path.of("/usr/bin/qemu-system-x86_64"), fakeGuest, "kvm", new UidPool(21000, 1))).health();
    if (!HostFacts.hardwareVirtualization()) assertThat(kvm.summary()).contains("needs VT-x/AMD-V");
  }

  static byte[] workspace() {
    try {
      return Fixtures.workspaceZip("hello");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
