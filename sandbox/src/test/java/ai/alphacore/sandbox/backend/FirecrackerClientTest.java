package ai.alphacore.sandbox.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.sandbox.guest.GuestArtifacts;
import ai.alphacore.sandbox.guest.GuestLayout;
import ai.alphacore.sandbox.network.GuestNic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Firecracker client against a fake Firecracker API server on a Unix domain socket. */
class FirecrackerClientTest {
  record Call(String method, String path, JsonNode body) {}

  @TempDir Path tmp;
  Path sock;
  ServerSocketChannel server;
  final List<Call> calls = new CopyOnWriteArrayList<>();
  volatile String rejectPath;

  @BeforeEach
  void startFake() throws IOException {
    sock = tmp.resolve("fc.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(sock));
    Thread.ofVirtual().start(() -> {
      while (server.isOpen()) {
        try (SocketChannel ch = server.accept()) {
          serve(ch);
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  /** Enough of Firecracker's API: validates the fields it requires, 204 or 400 with fault_message. */
  private void serve(SocketChannel ch) throws IOException {
    InputStream in = Channels.newInputStream(ch);
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    while (!h.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) return;
      h.write(c);
    }
    String[] lines = h.toString(StandardCharsets.US_ASCII).split("\r\n");
    String[] req = lines[0].split(" ");
    int len = 0;
    for (String l : lines) if (l.toLowerCase().startsWith("content-length:")) len = Integer.parseInt(l.substring(15).trim());
    byte[] body = in.readNBytes(len);
    JsonNode json = len == 0 ? null : new ObjectMapper().readTree(body);
    calls.add(new Call(req[0], req[1], json));
    String resp;
    if (req[1].equals(rejectPath)) {
      String b = "{\"fault_message\":\"Invalid request: drive path does not exist\"}";
      resp = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " + b.length() + "\r\n\r\n" + b;
    } else if (req[0].equals("GET")) {
      String b = "{\"id\":\"acore-x\",\"state\":\"Not started\",\"vmm_version\":\"1.13.1\"}";
      resp = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + b.length() + "\r\n\r\n" + b;
    } else {
      resp = "HTTP/1.1 204 No Content\r\n\r\n";
    }
    ch.write(java.nio.ByteBuffer.wrap(resp.getBytes(StandardCharsets.US_ASCII)));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void configuresTheValidationVmInOrder() throws Exception {
    FirecrackerClient fc = FirecrackerClient.await(sock, Duration.ofSeconds(2));
    FirecrackerBackend.configure(fc, Limits.DEFAULT, 16 << 20, null);
    fc.start();
    assertThat(calls).extracting(Call::method).containsOnly("PUT");
    assertThat(calls).extracting(Call::path).containsExactly("/machine-config", "/boot-source", "/drives/rootfs", "/drives/workspace",
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
    FirecrackerBackend.configure(fc, Limits.DEFAULT, 16 << 20, nic);
    assertThat(calls).extracting(Call::path).containsExactly("/machine-config", "/boot-source", "/drives/rootfs", "/drives/workspace",
        "/drives/results", "/drives/secret", "/network-interfaces/eth0");
    assertThat(calls.get(1).body().path("boot_args").asText()).endsWith(" alphacore.net=10.201.0.2/30,10.201.0.1,10.200.255.1,8888");
    assertThat(calls.get(6).body().toString()).isEqualTo("{\"iface_id\":\"eth0\",\"host_dev_name\":\"tap0\",\"guest_mac\":\"" + GuestNic.MAC + "\"}");
  }

  @Test
  void apiErrorsCarryFirecrackersFaultMessage() throws Exception {
    rejectPath = "/drives/workspace";
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
