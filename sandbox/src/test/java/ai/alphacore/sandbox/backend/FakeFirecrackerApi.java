package ai.alphacore.sandbox.backend;

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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Enough of Firecracker's HTTP API on a Unix socket: records every call, answers 204 (GET: a
 * machine description), or 400 with a fault_message for {@link #rejectPath}. {@link #onStart}
 * runs when the VM is started, as the guest would.
 */
final class FakeFirecrackerApi implements AutoCloseable {
  record Call(String method, String path, JsonNode body) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  volatile String rejectPath;
  volatile Runnable onStart = () -> {};
  private final ServerSocketChannel server;

  FakeFirecrackerApi(Path sock) throws IOException {
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(sock));
  }

  FakeFirecrackerApi start() {
    Thread.ofPlatform().daemon().start(() -> {
      while (server.isOpen()) {
        try (SocketChannel ch = server.accept()) {
          serve(ch);
        } catch (IOException closed) {
          return;
        }
      }
    });
    return this;
  }

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
    if (req[1].equals("/actions") && json != null && json.path("action_type").asText().equals("InstanceStart")) onStart.run();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
