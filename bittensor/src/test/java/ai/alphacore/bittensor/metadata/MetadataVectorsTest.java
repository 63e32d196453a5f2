package ai.alphacore.bittensor.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.bittensor.Vectors;
import ai.alphacore.bittensor.crypto.Hex;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataVectorsTest {
  static RuntimeMetadata load() throws Exception {
    String hex = Files.readString(Vectors.dir().resolve("metadata/subtensor-metadata-v15-spec343.hex")).trim();
    return RuntimeMetadata.fromMetadataAtVersionResult(Hex.decode(hex));
  }

  @Test
  void callIndicesAndExtensionsFromRealMetadata() throws Exception {
    RuntimeMetadata md = load();
    JsonNode rt = Vectors.json("scale.json").get("runtime");
    assertThat(md.version()).isEqualTo(15);
    assertThat(md.extrinsicVersion()).isEqualTo(4);
    assertThat(md.pallet("SubtensorModule").index()).isEqualTo(rt.get("subtensor_module_pallet_index").asInt());
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) () -> rt.get("call_indices_from_metadata").fields()) {
      RuntimeMetadata.CallInfo c = md.call("SubtensorModule", e.getKey());
      assertThat(List.of(c.palletIndex(), c.callIndex())).as(e.getKey())
          .containsExactly(e.getValue().get(0).asInt(), e.getValue().get(1).asInt());
    }
    assertThat(md.call("SubtensorModule", "set_weights").args()).extracting(RuntimeMetadata.Field::name)
        .containsExactly("netuid", "dests", "weights", "version_key");
    JsonNode exts = rt.get("transaction_extensions_from_metadata");
    assertThat(md.extensions()).hasSize(exts.size());
    for (int i = 0; i < exts.size(); i++) {
      RuntimeMetadata.Extension x = md.extensions().get(i);
      assertThat(x.identifier()).isEqualTo(exts.get(i).get("identifier").asText());
      assertThat(md.types().get(x.extraType()).isZeroSized(md.types())).as(x.identifier() + " extra")
          .isEqualTo(exts.get(i).get("extra_type").asText().equals("Null"));
      assertThat(md.types().get(x.implicitType()).isZeroSized(md.types())).as(x.identifier() + " implicit")
          .isEqualTo(exts.get(i).get("implicit_type").asText().equals("Null"));
    }
  }

  @Test
  void storageHashersMatchTheVectorTable() throws Exception {
    RuntimeMetadata md = load();
    JsonNode items = Vectors.json("hashes.json").at("/storage/item_hashes");
    assertThat(items.size()).isEqualTo(19);
    for (JsonNode it : items) {
      String pallet = it.has("pallet") ? it.get("pallet").asText() : "SubtensorModule";
      RuntimeMetadata.StorageEntry e = md.storage(pallet, it.get("item").asText());
      List<String> want = new java.util.ArrayList<>();
      it.get("hashers").forEach(h -> want.add(h.asText().replace("_", "").toUpperCase()));
      assertThat(e.hashers()).extracting(h -> h.name().replace("_", "")).as(it.get("item").asText()).containsExactlyElementsOf(want);
      assertThat(e.optional()).isEqualTo(it.get("modifier").asText().equals("Optional"));
    }
    assertThat(md.apis()).containsKey("NeuronInfoRuntimeApi_get_neurons_lite");
  }
}
