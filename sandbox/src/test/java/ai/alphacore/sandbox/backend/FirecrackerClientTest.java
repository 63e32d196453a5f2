package ai.alphacore.sandbox.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.sandbox.guest.GuestArtifacts;
import ai.alphacore.sandbox.guest.GuestLayout;
import ai.alphacore.sandbox.network.GuestNic;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Firecracker client against a fake Firecracker API server on a Unix domain socket. */
class FirecrackerClientTest {
  @TempDir Path tmp;
  Path sock;
  FakeFirecrackerApi api;
  List<FakeFirecrackerApi.Call> calls;

  @BeforeEach
  void startFake() throws IOException {
    sock = tmp.resolve("fc.sock");
    api = new FakeFirecrackerApi(sock).start();
    calls = api.calls;
  }

  @AfterEach
  void stop() throws IOException {
    api.close();
  }

  @Test
  void configuresTheValidationVmInOrder() throws Exception {
    FirecrackerClient fc = FirecrackerClient.await(sock, Duration.ofSeconds(2));
    FirecrackerBackend.configure(fc, Limits.DEFAULT, null);
    fc.start();
    assertThat(calls).extracting(FakeFirecrackerApi.Call::method).containsOnly("PUT");
    assertThat(calls).extracting(FakeFirecrackerApi.Call::path).containsExactly("/machine-config", "/boot-source", "/drives/rootfs", "/drives/workspace",
        "/drives/results", "/drives/secret", "/actions");
    assertThat(calls.get(0).body().toString()).isEqualTo("{\"vcpu_count\":1,\"mem_size_mib\":512,\"smt\":false}");
    JsonNode boot = calls.get(1).body();
    assertThat(boot.path("kernel_image_path").asText()).isEqualTo("/vmlinux");
    assertThat(boot.path("initrd_path").asText()).isEqualTo("/initramfs.cpio.gz");
    assertThat(boot.path("boot_args").asText()).startsWith("console=ttyS0 reboot=k panic=1 pci=off").contains("alphacore.logcap=");
    // The drive order is the guest layout both VMMs share: vda rootfs ro, vdb workspace ro, vdc results rw, vdd secret ro.
    for (int i = 0; i < 4; i++) {
      JsonNode d = calls.get(2 + i).body();
      assertThat(d.path("drive_id").asText()).isEqualTo(GuestLayout.DRIVES.get(i).id());
      assertThat(d.path("is_read_only").asBoolean()).isEqualTo(GuestLayout.DRIVES.get(i).readOnly());
      assertThat(d.path("is_root_device").asBoolean()).isFalse();
    }
    assertThat(calls.get(6).body().toString()).isEqualTo("{\"action_type\":\"InstanceStart\"}");
    assertThat(fc.describe().path("vmm_version").asText()).isEqualTo("1.13.1");
  }

  @Test
  void aRunWithANetworkGetsTheTapAndItsAddressOnTheCommandLine() throws Exception {
    FirecrackerClient fc = FirecrackerClient.await(sock, Duration.ofSeconds(2));
    GuestNic nic = new GuestNic(GuestNic.TAP, GuestNic.GUEST_IP + "/30", GuestNic.ROUTER_IP, "10.200.255.1", 8888, GuestNic.MAC);
    FirecrackerBackend.configure(fc, Limits.DEFAULT, nic);
    assertThat(calls).extracting(FakeFirecrackerApi.Call::path).containsExactly("/machine-config", "/boot-source", "/drives/rootfs", "/drives/workspace",
        "/drives/results", "/drives/secret", "/network-interfaces/eth0");
    assertThat(calls.get(1).body().path("boot_args").asText()).endsWith(" alphacore.net=10.201.0.2/30,10.201.0.1,10.200.255.1,8888");
    assertThat(calls.get(6).body().toString()).isEqualTo("{\"iface_id\":\"eth0\",\"host_dev_name\":\"tap0\",\"guest_mac\":\"" + GuestNic.MAC + "\"}");
  }

  @Test
  void apiErrorsCarryFirecrackersFaultMessage() throws Exception {
    api.rejectPath = "/drives/workspace";
    FirecrackerClient fc = FirecrackerClient.await(sock, Duration.ofSeconds(2));
    assertThatThrownBy(() -> fc.drive("workspace", "/missing.ext4", true)).isInstanceOf(IsolationException.class)
        .hasMessageContaining("PUT /drives/workspace answered 400: Invalid request: drive path does not exist");
  }

  @Test
  void socketThatNeverAppearsTimesOut() {
    assertThatThrownBy(() -> FirecrackerClient.await(tmp.resolve("none.sock"), Duration.ofMillis(100)))
        .isInstanceOf(IsolationException.class).hasMessageContaining("did not come up");
  }

  @Test
  void healthOnThisHostSaysWhy() {
    Health h = new FirecrackerBackend(new FirecrackerBackend.Config(tmp.resolve("firecracker"), tmp.resolve("jailer"), tmp,
        GuestArtifacts.in(GuestArtifacts.home()), new UidPool(22000, 1))).health();
    assertThat(h.available()).isFalse();
    assertThat(String.join("\n", h.problems())).contains("missing " + tmp.resolve("firecracker"));
    if (!HostFacts.hardwareVirtualization()) assertThat(h.problems()).anyMatch(p -> p.contains("no VT-x/AMD-V"));
    assertThat(Files.exists(tmp.resolve("firecracker"))).isFalse();
  }

  @Test
  void unavailableBackendFailsLoudlyInsteadOfPretending() {
    FirecrackerBackend b = new FirecrackerBackend(new FirecrackerBackend.Config(tmp.resolve("firecracker"), tmp.resolve("jailer"), tmp,
        GuestArtifacts.in(GuestArtifacts.home()), new UidPool(22000, 1)));
    assertThatThrownBy(() -> b.run(new GuestRun("x", tmp, null, Limits.DEFAULT, null))).isInstanceOf(IsolationException.class)
        .satisfies(e -> assertThat(((IsolationException) e).code()).isEqualTo(IsolationError.BACKEND_UNAVAILABLE))
        .hasMessageContaining("firecracker: unavailable");
  }
}
