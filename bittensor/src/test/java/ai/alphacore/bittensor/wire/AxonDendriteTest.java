package ai.alphacore.bittensor.wire;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.ss58.Ss58;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AxonDendriteTest {
  static final Sr25519 SR = Sr25519.standard();
  static final SynapseSpec ECHO = SynapseSpec.of("EchoSynapse",
      SynapseSpec.Field.required("task_id", SynapseSpec.Type.STRING),
      SynapseSpec.Field.of("value", SynapseSpec.Type.INT, IntNode.valueOf(0)),
      SynapseSpec.Field.of("answer", SynapseSpec.Type.STRING, null));
  final Sr25519Keypair validator = SR.fromMiniSecret(seed(1));
  final Sr25519Keypair miner = SR.fromMiniSecret(seed(2));
  final Sr25519Keypair banned = SR.fromMiniSecret(seed(3));
  Axon axon;
  Dendrite dendrite;
  final CountDownLatch hold = new CountDownLatch(1);

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    s[0] = (byte) b;
    return s;
  }

  @BeforeEach
  void start() {
    String bannedSs58 = Ss58.encode(banned.publicKey());
    axon = Axon.builder(miner).bind("127.0.0.1", 0).maxBodyBytes(4096).maxConcurrent(1).build();
    axon.attach(ECHO, req -> {
      if (req.get("task_id").asText().equals("boom")) throw new IllegalStateException("forward failed");
      if (req.get("task_id").asText().equals("hold")) hold.await();
      req.set("answer", "echo:" + req.get("task_id").asText() + ":" + req.get("value").asInt());
      return req;
    }, s -> s.dendrite().hotkey() != null && s.dendrite().hotkey().equals(bannedSs58)
        ? AxonHooks.Decision.block("banned for testing") : AxonHooks.Decision.ALLOW,
        s -> 1.0).start();
    dendrite = new Dendrite(validator, Dendrite.Options.defaults().withVerifyAxonSignature(true), SR);
  }

  @AfterEach
  void stop() {
    hold.countDown();
    axon.close();
    dendrite.close();
  }

  AxonTarget target() {
    return new AxonTarget("127.0.0.1", axon.port(), axon.hotkeySs58());
  }

  Synapse echo(String taskId, int value) {
    return new Synapse(ECHO).set("task_id", taskId).set("value", IntNode.valueOf(value));
  }

  @Test
  void signedRoundTripBothWays() {
    Synapse out = dendrite.call(target(), echo("t1", 7), 5);
    assertThat(out.dendrite().statusCode()).as(out.dendrite().statusMessage()).isEqualTo(200);
    assertThat(out.get("answer").asText()).isEqualTo("echo:t1:7");
    assertThat(out.axon().signature()).startsWith("0x");
    assertThat(out.dendrite().processTime()).isPositive();
  }

  @Test
  void fanOutToManyAxonsOnVirtualThreads() {
    List<Axon> axons = new ArrayList<>();
    try {
      List<AxonTarget> ts = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Sr25519Keypair k = SR.fromMiniSecret(seed(10 + i));
        Axon a = Axon.builder(k).bind("127.0.0.1", 0).build().attach(ECHO, r -> r.set("answer", "ok")).start();
        axons.add(a);
        ts.add(new AxonTarget("127.0.0.1", a.port(), a.hotkeySs58()));
      }
      List<Synapse> out = dendrite.forward(ts, () -> echo("x", 1), 10);
      assertThat(out).hasSize(16).allSatisfy(s -> {
        assertThat(s.isSuccess()).as(s.dendrite().statusMessage()).isTrue();
        assertThat(s.get("answer").asText()).isEqualTo("ok");
      });
    } finally {
      axons.forEach(Axon::close);
    }
  }

  @Test
  void statusCodesForHooksAndFailures() {
    try (Dendrite bad = new Dendrite(banned)) {
      Synapse b = bad.call(target(), echo("t", 1), 5);
      assertThat(b.dendrite().statusCode()).isEqualTo(403);
      assertThat(b.dendrite().statusMessage()).isEqualTo("Forbidden. Key is blacklisted: banned for testing.");
    }
    Synapse wrongAxon = dendrite.call(new AxonTarget("127.0.0.1", axon.port(), Ss58.encode(validator.publicKey())), echo("t", 1), 5);
    assertThat(wrongAxon.dendrite().statusCode()).isEqualTo(401);
    assertThat(wrongAxon.dendrite().statusMessage()).startsWith("Not Verified with error: Signature mismatch");
    Synapse boom = dendrite.call(target(), echo("boom", 1), 5);
    assertThat(boom.dendrite().statusCode()).isEqualTo(500);
    assertThat(boom.dendrite().statusMessage()).startsWith("Internal Server Error #").doesNotContain("forward failed");
    Synapse big = dendrite.call(target(), echo("x".repeat(5000), 1), 5);
    assertThat(big.dendrite().statusCode()).isEqualTo(413);
  }

  @Test
  void transportFailuresMapToSdkCodes() throws Exception {
    int closedPort;
    try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = ss.getLocalPort();
    }
    Synapse refused = dendrite.call(new AxonTarget("127.0.0.1", closedPort, axon.hotkeySs58()), echo("t", 1), 2);
    assertThat(refused.dendrite().statusCode()).isEqualTo(503);
    assertThat(refused.dendrite().statusMessage()).isEqualTo("Service unavailable at 127.0.0.1:" + closedPort + "/EchoSynapse");
    // The axon admits one request at a time: "hold" occupies it, so this one times out client-side.
    Thread t = Thread.ofVirtual().start(() -> dendrite.call(target(), echo("hold", 1), 10));
    Thread.sleep(300);
    Synapse slow = dendrite.call(target(), echo("t", 1), 0.5);
    assertThat(slow.dendrite().statusCode()).isEqualTo(408);
    assertThat(slow.dendrite().statusMessage()).isEqualTo("Request timeout after 0.5 seconds");
    hold.countDown();
    t.join();
    HttpServer text = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    text.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      byte[] b = "<html>nope</html>".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(b);
      }
    });
    text.start();
    try {
      Synapse notJson = dendrite.call(new AxonTarget("127.0.0.1", text.getAddress().getPort(), axon.hotkeySs58()), echo("t", 1), 2);
      assertThat(notJson.dendrite().statusCode()).isEqualTo(422);
    } finally {
      text.stop(0);
    }
  }

  @Test
  void fuzzedRequestsNeverCrashTheAxon() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Dendrite.Prepared good = dendrite.prepare(target(), echo("fuzz", 1), 5);
    Random r = new Random(1234);
    String[] junk = {"", "abc", "-1", "99999999999999999999999", "0x", "IiI", "!!!", "NaN", "1e400", "\u00e9", "5" + "x".repeat(60)};
    for (int i = 0; i < 300; i++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + axon.port() + (i % 17 == 0 ? "/Nope" : "/EchoSynapse")));
      byte[] body = good.body();
      int mode = r.nextInt(4);
      if (mode == 0) body = "{not json".getBytes(StandardCharsets.UTF_8);
      if (mode == 1) {
        body = body.clone();
        body[r.nextInt(body.length)] = (byte) r.nextInt(256);
      }
      for (Map.Entry<String, String> h : good.headers()) {
        if (h.getKey().equalsIgnoreCase("content-type")) continue;
        String v = h.getValue();
        if (r.nextInt(4) == 0) v = junk[r.nextInt(junk.length)];
        if (r.nextInt(10) == 0) continue;
        if (v.isEmpty()) v = " ";
        b.header(h.getKey(), v);
      }
      b.header("Content-Type", "application/json");
      HttpResponse<String> resp = http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(resp.statusCode()).as(resp.body()).isIn(200, 400, 401, 404, 413); // 200 only when the mutation missed every signed or parsed part
      if (resp.statusCode() != 200) assertThat(resp.body()).startsWith("{\"message\":");
    }
    // Unsigned (Python axons let this through; we do not).
    HttpRequest.Builder u = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + axon.port() + "/EchoSynapse"));
    for (Map.Entry<String, String> h : good.headers())
      if (!h.getKey().equals("bt_header_dendrite_signature") && !h.getKey().equalsIgnoreCase("content-type")) u.header(h.getKey(), h.getValue());
    HttpResponse<String> unsigned = http.send(u.POST(HttpRequest.BodyPublishers.ofByteArray(good.body())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.body()).contains("not signed");
    // And the axon still serves a good request afterwards.
    assertThat(dendrite.call(target(), echo("after", 2), 5).isSuccess()).isTrue();
  }

  @Test
  void bodyHashMismatchIsRejected() throws Exception {
    SynapseSpec hashed = new SynapseSpec("Hashed", List.of(SynapseSpec.Field.of("prompt", SynapseSpec.Type.STRING, TextNode.valueOf(""))), List.of("prompt"));
    axon.attach(hashed, s -> s);
    Dendrite.Prepared p = dendrite.prepare(target(), new Synapse(hashed).set("prompt", "hello"), 5);
    String tampered = new String(p.body(), StandardCharsets.UTF_8).replace("\"hello\"", "\"hellO\"");
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + axon.port() + "/Hashed"));
    for (Map.Entry<String, String> h : p.headers()) if (!h.getKey().equalsIgnoreCase("content-type")) b.header(h.getKey(), h.getValue());
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(tampered)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Body hash mismatch");
    assertThat(dendrite.call(target(), new Synapse(hashed).set("prompt", "hello"), 5).isSuccess()).isTrue();
  }
}
