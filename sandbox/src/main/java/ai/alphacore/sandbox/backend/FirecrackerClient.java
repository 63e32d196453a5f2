package ai.alphacore.sandbox.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Firecracker's REST API over its Unix socket: one HTTP/1.1 request per connection, JSON bodies,
 * 204 on success and {@code {"fault_message": ...}} otherwise. Only the calls a validation needs.
 */
public final class FirecrackerClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_RESPONSE = 64 * 1024;
  private final Path socket;

  public FirecrackerClient(Path socket) {
    this.socket = socket;
  }

  /** Waits until the API socket accepts connections (the jailer creates it after exec). */
  public static FirecrackerClient await(Path socket, Duration timeout) throws IsolationException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(socket)) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          ch.connect(UnixDomainSocketAddress.of(socket));
          return new FirecrackerClient(socket);
        } catch (IOException notYet) {
          // socket file exists but nobody listens yet
        }
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IsolationException(IsolationError.SETUP_FAILED, "Firecracker API socket " + socket + " did not come up within " + timeout);
  }

  public void machineConfig(int vcpus, long memMib) throws IsolationException {
    put("/machine-config", JSON.createObjectNode().put("vcpu_count", vcpus).put("mem_size_mib", memMib).put("smt", false));
  }

  public void bootSource(String kernel, String initrd, String bootArgs) throws IsolationException {
    ObjectNode b = JSON.createObjectNode().put("kernel_image_path", kernel).put("boot_args", bootArgs);
    if (initrd != null) b.put("initrd_path", initrd);
    put("/boot-source", b);
  }

  /** Drives attach in call order as vda, vdb, ...; none is the root device (the initramfs mounts vda). */
  public void drive(String id, String path, boolean readOnly) throws IsolationException {
    put("/drives/" + id, JSON.createObjectNode().put("drive_id", id).put("path_on_host", path).put("is_root_device", false)
        .put("is_read_only", readOnly));
  }

  public void networkInterface(String id, String hostDev, String mac) throws IsolationException {
    put("/network-interfaces/" + id, JSON.createObjectNode().put("iface_id", id).put("host_dev_name", hostDev).put("guest_mac", mac));
  }

  public void start() throws IsolationException {
    put("/actions", JSON.createObjectNode().put("action_type", "InstanceStart"));
  }

  public JsonNode describe() throws IsolationException {
    Response r = send("GET", "/", null);
    if (r.status != 200) throw error("GET /", r);
    try {
      return JSON.readTree(r.body);
    } catch (IOException e) {
      throw new IsolationException(IsolationError.SETUP_FAILED, "Firecracker returned invalid JSON for GET /");
    }
  }

  void put(String path, ObjectNode body) throws IsolationException {
    Response r = send("PUT", path, body.toString());
    if (r.status != 204 && r.status != 200) throw error("PUT " + path, r);
  }

  private static IsolationException error(String what, Response r) {
    String msg;
    try {
      msg = JSON.readTree(r.body).path("fault_message").asText(r.body);
    } catch (IOException e) {
      msg = r.body;
    }
    return new IsolationException(IsolationError.SETUP_FAILED, "Firecracker " + what + " answered " + r.status + ": " + msg);
  }

  record Response(int status, String body) {}

  Response send(String method, String path, String body) throws IsolationException {
    byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
        + (body == null ? "" : "Content-Type: application/json\r\n") + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n";
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer out = ByteBuffer.allocate(head.length() + b.length);
      out.put(head.getBytes(StandardCharsets.US_ASCII)).put(b).flip();
      while (out.hasRemaining()) ch.write(out);
      return read(Channels.newInputStream(ch));
    } catch (IOException e) {
      throw new IsolationException(IsolationError.SETUP_FAILED, "Firecracker API " + method + " " + path + " failed: " + e.getMessage(), e);
    }
  }

  private static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream hdr = new ByteArrayOutputStream();
    int c;
    int state = 0;
    while (state < 4 && (c = in.read()) >= 0) {
      hdr.write(c);
      if (hdr.size() > 8192) throw new IOException("response header too long");
      state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
    }
    String[] lines = hdr.toString(StandardCharsets.US_ASCII).split("\r\n");
    String[] status = lines[0].split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP response: " + lines[0]);
    int code = Integer.parseInt(status[1]);
    int len = -1;
    for (String l : lines) {
      int i = l.indexOf(':');
      if (i > 0 && l.substring(0, i).trim().toLowerCase(Locale.ROOT).equals("content-length")) len = Integer.parseInt(l.substring(i + 1).trim());
    }
    if (len > MAX_RESPONSE) throw new IOException("response body too long");
    byte[] body = len >= 0 ? in.readNBytes(len) : in.readNBytes(MAX_RESPONSE);
    return new Response(code, new String(body, StandardCharsets.UTF_8));
  }
}
