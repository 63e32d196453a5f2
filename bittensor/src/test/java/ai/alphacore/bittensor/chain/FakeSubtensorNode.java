package ai.alphacore.bittensor.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A loopback WebSocket JSON-RPC server (minimal RFC 6455, text frames) answering like a subtensor
 * node from handlers the test installs. No live chain is involved.
 */
final class FakeSubtensorNode implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  final Map<String, Function<JsonNode, Object>> handlers = new ConcurrentHashMap<>();
  /** Frames pushed right after the response to a method (subscription notifications). */
  final Map<String, Function<JsonNode, List<JsonNode>>> after = new ConcurrentHashMap<>();
  final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
  private final ServerSocket server;
  private final List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
  volatile boolean dropNextConnectionAfterHandshake;

  /** Thrown by a handler to answer with a JSON-RPC error. */
  static final class RpcError extends RuntimeException {
    final int code;
    final String data;

    RpcError(int code, String message, String data) {
      super(message);
      this.code = code;
      this.data = data;
    }
  }

  FakeSubtensorNode() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::acceptLoop);
  }

  String url() {
    return "ws://127.0.0.1:" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      String key = null;
      String line;
      while (!(line = readLine(in)).isEmpty())
        if (line.toLowerCase().startsWith("sec-websocket-key:")) key = line.substring(18).trim();
      String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
          .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (dropNextConnectionAfterHandshake) {
        dropNextConnectionAfterHandshake = false;
        readFrame(new DataInputStream(in));
        return; // drop without answering
      }
      DataInputStream din = new DataInputStream(in);
      while (true) {
        String msg = readFrame(din);
        if (msg == null) return;
        JsonNode req = JSON.readTree(msg);
        String method = req.get("method").asText();
        calls.add(method);
        ObjectNode resp = JSON.createObjectNode().put("jsonrpc", "2.0");
        resp.set("id", req.get("id"));
        Function<JsonNode, Object> h = handlers.get(method);
        try {
          if (h == null) throw new RpcError(-32601, "Method not found", null);
          resp.set("result", JSON.valueToTree(h.apply(req.get("params"))));
        } catch (RpcError e) {
          ObjectNode err = resp.putObject("error").put("code", e.code).put("message", e.getMessage());
          if (e.data != null) err.put("data", e.data);
        }
        synchronized (out) {
          writeFrame(out, resp.toString());
          Function<JsonNode, List<JsonNode>> a = after.get(method);
          if (a != null && !resp.has("error")) for (JsonNode n : a.apply(req.get("params"))) writeFrame(out, n.toString());
        }
      }
    } catch (Exception e) {
      // connection ended
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') if (c != '\r') b.write(c);
    if (c == -1 && b.size() == 0) throw new IOException("eof");
    return b.toString(StandardCharsets.US_ASCII);
  }

  /** Reads one (possibly fragmented) text message; null on close. */
  private static String readFrame(DataInputStream in) throws IOException {
    ByteArrayOutputStream msg = new ByteArrayOutputStream();
    while (true) {
      int b0 = in.readUnsignedByte();
      int b1 = in.readUnsignedByte();
      int op = b0 & 0x0f;
      long len = b1 & 0x7f;
      if (len == 126) len = in.readUnsignedShort();
      else if (len == 127) len = in.readLong();
      byte[] mask = new byte[4];
      if ((b1 & 0x80) != 0) in.readFully(mask);
      byte[] data = new byte[(int) len];
      in.readFully(data);
      for (int i = 0; i < data.length; i++) data[i] ^= mask[i % 4];
      if (op == 8) return null;
      if (op == 9 || op == 10) continue;
      msg.write(data);
      if ((b0 & 0x80) != 0) return msg.toString(StandardCharsets.UTF_8);
    }
  }

  private static void writeFrame(OutputStream out, String text) throws IOException {
    byte[] d = text.getBytes(StandardCharsets.UTF_8);
    out.write(0x81);
    if (d.length < 126) out.write(d.length);
    else if (d.length < 65536) {
      out.write(126);
      out.write(d.length >> 8);
      out.write(d.length);
    } else {
      out.write(127);
      for (int i = 7; i >= 0; i--) out.write((int) ((long) d.length >> (8 * i)));
    }
    out.write(d);
    out.flush();
  }

  /** Drops every open connection (the client must reconnect). */
  void dropConnections() throws IOException {
    synchronized (sockets) {
      for (Socket s : sockets) s.close();
      sockets.clear();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (sockets) {
      for (Socket s : sockets) s.close();
    }
  }
}
