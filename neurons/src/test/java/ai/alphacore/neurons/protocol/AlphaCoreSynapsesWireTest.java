package ai.alphacore.neurons.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.bittensor.crypto.Hashes;
import ai.alphacore.bittensor.crypto.Hex;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.wire.AxonTarget;
import ai.alphacore.bittensor.wire.Dendrite;
import ai.alphacore.bittensor.wire.PyJson;
import ai.alphacore.bittensor.wire.Synapse;
import ai.alphacore.bittensor.wire.SynapseSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our four synapse specs against the requests the Python validator really sends
 * (shared/vectors/bittensor/synapse-wire.json): same field order and defaults, so the Java
 * dendrite's body and headers, required-field headers included, are the Python ones byte for byte.
 */
class AlphaCoreSynapsesWireTest {
  static final Sr25519 SR = Sr25519.standard();
  static final Map<String, SynapseSpec> SPECS = Map.of(
      "StartRoundSynapse", AlphaCoreSynapses.START_ROUND, "TaskSynapse", AlphaCoreSynapses.TASK,
      "TaskFeedbackSynapse", AlphaCoreSynapses.FEEDBACK, "TaskCleanupSynapse", AlphaCoreSynapses.CLEANUP);

  static String header(JsonNode hs, String name) {
    for (JsonNode h : hs) if (h.get(0).asText().equals(name)) return h.get(1).asText();
    return null;
  }

  static String header(List<Map.Entry<String, String>> hs, String name) {
    for (Map.Entry<String, String> h : hs) if (h.getKey().equals(name)) return h.getValue();
    return null;
  }

  @Test
  void ourSpecsReproduceThePythonRequests() throws Exception {
    JsonNode w = new ObjectMapper().readTree(Path.of(System.getProperty("alphacore.vectors"), "bittensor", "synapse-wire.json").toFile());
    int checked = 0;
    for (JsonNode e : w.get("exchanges")) {
      SynapseSpec spec = SPECS.get(e.get("synapse_class").asText());
      assertThat(spec).as(e.get("synapse_class").asText()).isNotNull();
      String id = e.get("id").asText();
      JsonNode body = PyJson.parse(e.at("/request/body").asText().getBytes(StandardCharsets.UTF_8));
      List<String> ours = new ArrayList<>();
      spec.fields().forEach(f -> ours.add(f.name()));
      List<String> theirs = new ArrayList<>();
      body.fieldNames().forEachRemaining(f -> { if (!Arrays.asList("name", "timeout", "total_size", "header_size", "dendrite", "axon",
          "computed_body_hash").contains(f)) theirs.add(f); });
      assertThat(theirs).as(id + ": declared fields, in order (extras after them)").startsWith(ours.toArray(String[]::new));
      Synapse s = Synapse.fromJson(spec, body, true).dendrite(null).axon(null);
      byte[] mini = Hex.decode(w.at("/keys/validator_A/mini_secret").asText());
      try (Dendrite d = new Dendrite(SR.fromMiniSecret(mini), Dendrite.Options.defaults().withExternalIp(w.at("/constants/dendrite_ip").asText()), SR)) {
        JsonNode t = e.get("target_axon");
        long nonce = Long.parseLong(header(e.at("/request/headers"), "bt_header_dendrite_nonce"));
        String uuid = header(e.at("/request/headers"), "bt_header_dendrite_uuid");
        byte[] rng = Arrays.copyOf(Hashes.sha256(("synapse/" + id + "/0").getBytes(StandardCharsets.UTF_8)), 32);
        Dendrite.Prepared p = d.prepare(new AxonTarget(t.get("ip").asText(), t.get("port").asInt(), t.get("hotkey_ss58").asText()),
            s, body.get("timeout").asDouble(), nonce, uuid, rng);
        assertThat(new String(p.body(), StandardCharsets.UTF_8)).as(id).isEqualTo(e.at("/request/body").asText());
        for (JsonNode h : e.at("/request/headers")) {
          String n = h.get(0).asText();
          if (n.startsWith("bt_header_input_obj_")) assertThat(header(p.headers(), n)).as(id + " " + n).isEqualTo(h.get(1).asText());
        }
        assertThat(header(p.headers(), "bt_header_dendrite_signature")).as(id).isEqualTo(e.get("signature").asText());
      }
      checked++;
    }
    assertThat(checked).isEqualTo(5);
  }
}
