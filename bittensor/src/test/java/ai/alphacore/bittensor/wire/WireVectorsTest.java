package ai.alphacore.bittensor.wire;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.bittensor.Vectors;
import ai.alphacore.bittensor.crypto.Hashes;
import ai.alphacore.bittensor.crypto.Hex;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** synapse-wire.json in both directions: Java dendrite → bytes, bytes → Java axon, Python axon bytes → Java dendrite. */
class WireVectorsTest {
  static final JsonNode W = Vectors.json("synapse-wire.json");
  static final Sr25519 SR = Sr25519.standard();
  static final Set<String> RESTRICTED = Set.of("content-length", "host", "content-type");

  static Sr25519Keypair key(String name) {
    return SR.fromMiniSecret(Hex.decode(W.at("/keys/" + name + "/mini_secret").asText()));
  }

  /** A spec in the body's field order; fields with a bt_header_input_obj_ header are required strings. */
  static SynapseSpec specOf(JsonNode exchange) {
    JsonNode body = PyJson.parse(exchange.at("/request/body").asText().getBytes(StandardCharsets.UTF_8));
    List<String> required = new ArrayList<>();
    for (JsonNode h : exchange.at("/request/headers"))
      if (h.get(0).asText().startsWith("bt_header_input_obj_")) required.add(h.get(0).asText().substring(20));
    List<SynapseSpec.Field> fields = new ArrayList<>();
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (Synapse.BASE_FIELDS.contains(f)) continue;
      fields.add(required.contains(f) ? SynapseSpec.Field.required(f, SynapseSpec.Type.STRING) : SynapseSpec.Field.of(f, SynapseSpec.Type.ANY, null));
    }
    return new SynapseSpec(exchange.get("synapse_class").asText(), fields, List.of());
  }

  static byte[] rng(String id) {
    return java.util.Arrays.copyOf(Hashes.sha256(("synapse/" + id + "/0").getBytes(StandardCharsets.UTF_8)), 32);
  }

  @Test
  void javaDendriteReproducesEveryRequestByteForByte() {
    assertThat(W.get("exchanges").size()).isEqualTo(5);
    for (JsonNode e : W.get("exchanges")) {
      String id = e.get("id").asText();
      SynapseSpec spec = specOf(e);
      JsonNode body = PyJson.parse(e.at("/request/body").asText().getBytes(StandardCharsets.UTF_8));
      Synapse s = Synapse.fromJson(spec, body, true).dendrite(null).axon(null);
      try (Dendrite d = new Dendrite(key("validator_A"), Dendrite.Options.defaults().withExternalIp(W.at("/constants/dendrite_ip").asText()), SR)) {
        JsonNode t = e.get("target_axon");
        long nonce = Long.parseLong(header(e.at("/request/headers"), "bt_header_dendrite_nonce"));
        String uuid = header(e.at("/request/headers"), "bt_header_dendrite_uuid");
        Dendrite.Prepared p = d.prepare(new AxonTarget(t.get("ip").asText(), t.get("port").asInt(), t.get("hotkey_ss58").asText()),
            s, body.get("timeout").asDouble(), nonce, uuid, rng(id));
        assertThat(p.signedMessage()).as(id).isEqualTo(e.get("signed_message").asText());
        assertThat(header(p.headers(), "bt_header_dendrite_signature")).as(id).isEqualTo(e.get("signature").asText());
        assertThat(new String(p.body(), StandardCharsets.UTF_8)).as(id).isEqualTo(e.at("/request/body").asText());
        assertThat(Hex.encode(Hashes.sha256(p.body()))).isEqualTo(e.at("/request/body_sha256_of_exact_bytes").asText());
        List<String> want = new ArrayList<>();
        for (JsonNode h : e.at("/request/headers")) want.add(h.get(0).asText() + "=" + (h.get(0).asText().equals("header_size") ? "*" : h.get(1).asText()));
        List<String> got = new ArrayList<>();
        for (Map.Entry<String, String> h : p.headers()) got.add(h.getKey() + "=" + (h.getKey().equals("header_size") ? "*" : h.getValue()));
        assertThat(got).as(id).containsExactlyElementsOf(want);
        assertThat(p.uri().toString()).isEqualTo(e.at("/request/url").asText());
      }
    }
  }

  @Test
  void javaAxonAcceptsThePythonRequestsAndAnswersLikeThePythonAxon() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (JsonNode e : W.get("exchanges")) {
      String id = e.get("id").asText();
      JsonNode nc = e.at("/axon_verification/nonce_check_example");
      long now = Long.parseLong(nc.get("verify_at_now_ns_accept").asText());
      SynapseSpec spec = specOf(e);
      JsonNode respBody = PyJson.parse(e.at("/response/body").asText().getBytes(StandardCharsets.UTF_8));
      try (Axon axon = Axon.builder(key(e.at("/receiving_axon_hotkey/key_name").asText())).bind("127.0.0.1", 0).clock(() -> now).build()) {
        axon.attach(spec, req -> {
          // The miner's answer: the request with the fields of the recorded Python response.
          for (Iterator<String> it = respBody.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Synapse.BASE_FIELDS.contains(f)) req.set(f, respBody.get(f));
          }
          return req;
        }).start();
        HttpResponse<String> r = http.send(rawRequest(e, axon.port()), HttpResponse.BodyHandlers.ofString());
        int want = e.at("/response/status").asInt();
        assertThat(r.statusCode()).as(id + ": " + r.body()).isEqualTo(want);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode got = PyJson.parse(r.body().getBytes(StandardCharsets.UTF_8));
        if (want == 200) {
          for (Iterator<String> it = respBody.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equals("axon") || f.equals("total_size")) continue;
            assertThat(got.get(f)).as(id + " field " + f).isEqualTo(respBody.get(f));
          }
          assertThat(PyJson.compact(got.get("timeout"))).isEqualTo(PyJson.compact(respBody.get("timeout")));
          for (String f : new String[] {"status_code", "status_message", "ip", "port", "hotkey"})
            assertThat(got.at("/axon/" + f)).as(id + " axon." + f).isEqualTo(respBody.at("/axon/" + f));
          assertThat(r.headers().firstValue("bt_header_axon_status_code")).hasValue("200");
          assertThat(r.headers().firstValue("bt_header_axon_status_message")).hasValue("Success");
          assertThat(r.headers().firstValue("timeout")).hasValue(header(e.at("/response/headers"), "timeout"));
          // Replaying the same request is refused by the nonce rule.
          HttpResponse<String> again = http.send(rawRequest(e, axon.port()), HttpResponse.BodyHandlers.ofString());
          assertThat(again.statusCode()).isEqualTo(401);
          assertThat(again.body()).contains(nc.get("replay_error_message").asText());
        } else {
          assertThat(got.get("message").asText()).as(id).isEqualTo(respBody.get("message").asText());
        }
      }
      // Stale first contact: the SDK's exact message, and the boundary itself is rejected.
      long nonce = Long.parseLong(header(e.at("/request/headers"), "bt_header_dendrite_nonce"));
      long timeoutNs = (long) (nc.get("timeout_seconds_from_header").asDouble() * 1e9);
      for (long at : new long[] {nonce + 4_000_000_000L + timeoutNs + 1_000_000_000L, Long.parseLong(nc.get("first_rejected_now_ns").asText())}) {
        try (Axon axon = Axon.builder(key(e.at("/receiving_axon_hotkey/key_name").asText())).bind("127.0.0.1", 0).clock(() -> at).build()) {
          axon.attach(spec, req -> req).start();
          HttpResponse<String> r = http.send(rawRequest(e, axon.port()), HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).isEqualTo(401);
          if (at != Long.parseLong(nc.get("first_rejected_now_ns").asText()))
            assertThat(PyJson.parse(r.body().getBytes(StandardCharsets.UTF_8)).get("message").asText())
                .isEqualTo("Not Verified with error: " + nc.get("stale_error_message").asText());
        }
      }
    }
  }

  @Test
  void javaDendriteReadsThePythonAxonResponses() throws Exception {
    for (JsonNode e : W.get("exchanges")) {
      String id = e.get("id").asText();
      HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      fake.createContext("/", ex -> {
        ex.getRequestBody().readAllBytes();
        for (JsonNode h : e.at("/response/headers"))
          if (!h.get(0).asText().equals("content-length")) ex.getResponseHeaders().add(h.get(0).asText(), h.get(1).asText());
        byte[] b = e.at("/response/body").asText().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(e.at("/response/status").asInt(), b.length);
        try (OutputStream os = ex.getResponseBody()) {
          os.write(b);
        }
      });
      fake.start();
      try (Dendrite d = new Dendrite(key("validator_A"))) {
        SynapseSpec spec = specOf(e);
        Synapse s = Synapse.fromJson(spec, PyJson.parse(e.at("/request/body").asText().getBytes(StandardCharsets.UTF_8)), true);
        Synapse out = d.call(new AxonTarget("127.0.0.1", fake.getAddress().getPort(), e.at("/target_axon/hotkey_ss58").asText()), s, 5);
        int want = e.at("/response/status").asInt();
        assertThat(out.dendrite().statusCode()).as(id + " " + out.dendrite().statusMessage()).isEqualTo(want);
        assertThat(out.axon().statusCode()).isEqualTo(want);
        JsonNode rb = PyJson.parse(e.at("/response/body").asText().getBytes(StandardCharsets.UTF_8));
        if (want == 200) {
          assertThat(out.isSuccess()).isTrue();
          assertThat(out.axon().statusMessage()).isEqualTo("Success");
          for (Iterator<String> it = out.fields().fieldNames(); it.hasNext(); ) {
            String f = it.next();
            assertThat(out.get(f)).as(id + " " + f).isEqualTo(rb.get(f));
          }
        } else {
          assertThat(out.isSuccess()).isFalse();
          assertThat(out.dendrite().statusMessage()).isEqualTo(rb.get("message").asText());
        }
      } finally {
        fake.stop(0);
      }
    }
  }

  @Test
  void bodyHashCases() {
    for (JsonNode c : Vectors.json("hashes.json").at("/bittensor_body_hash/cases")) {
      List<SynapseSpec.Field> fs = new ArrayList<>();
      List<String> names = new ArrayList<>();
      Synapse s;
      for (JsonNode f : c.get("required_hash_fields")) names.add(f.asText());
      for (String n : names) fs.add(SynapseSpec.Field.of(n, SynapseSpec.Type.ANY, null));
      s = new Synapse(new SynapseSpec("HashCase", fs, names));
      // Values whose Python str() is given: strings stay strings, the rest parsed as JSON/Python literals.
      for (int i = 0; i < names.size(); i++) {
        String py = c.get("python_str_values").get(i).asText();
        JsonNode v = switch (py) {
          case "True" -> com.fasterxml.jackson.databind.node.BooleanNode.TRUE;
          case "['a', 'b']" -> PyJson.parse("[\"a\",\"b\"]".getBytes(StandardCharsets.UTF_8));
          default -> py.matches("-?[0-9.]+") ? PyJson.parse(py.getBytes(StandardCharsets.UTF_8)) : com.fasterxml.jackson.databind.node.TextNode.valueOf(py);
        };
        s.set(names.get(i), v);
      }
      assertThat(s.bodyHash()).isEqualTo(c.get("body_hash").asText());
    }
    assertThat(Synapse.EMPTY_BODY_HASH).isEqualTo(W.at("/constants/empty_body_hash").asText());
  }

  static HttpRequest rawRequest(JsonNode e, int port) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + e.at("/request/path").asText()))
        .POST(HttpRequest.BodyPublishers.ofString(e.at("/request/body").asText()));
    for (JsonNode h : e.at("/request/headers")) {
      String n = h.get(0).asText();
      if (!RESTRICTED.contains(n.toLowerCase(java.util.Locale.ROOT))) b.header(n, h.get(1).asText());
    }
    b.header("Content-Type", "application/json");
    return b.build();
  }

  static String header(JsonNode pairs, String name) {
    for (JsonNode h : pairs) if (h.get(0).asText().equalsIgnoreCase(name)) return h.get(1).asText();
    throw new AssertionError("no header " + name);
  }

  static String header(List<Map.Entry<String, String>> pairs, String name) {
    for (Map.Entry<String, String> h : pairs) if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
    throw new AssertionError("no header " + name);
  }
}
