package ai.alphacore.bittensor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.bittensor.Vectors;
import ai.alphacore.bittensor.crypto.Hex;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.metadata.RuntimeMetadata;
import ai.alphacore.bittensor.scale.Era;
import ai.alphacore.bittensor.scale.ScaleReader;
import ai.alphacore.bittensor.ss58.Ss58;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChainEncodingVectorsTest {
  static RuntimeMetadata md;
  static final JsonNode S = Vectors.json("scale.json");
  static final Sr25519 SR = Sr25519.standard();

  @BeforeAll
  static void load() throws Exception {
    md = RuntimeMetadata.fromMetadataAtVersionResult(Hex.decode(Files.readString(Vectors.dir().resolve("metadata/subtensor-metadata-v15-spec343.hex")).trim()));
  }

  static List<Integer> ints(JsonNode a) {
    List<Integer> l = new ArrayList<>();
    a.forEach(x -> l.add(x.asInt()));
    return l;
  }

  @Test
  void callsFromMetadataIndices() {
    assertThat(S.get("calls").size()).isEqualTo(7);
    for (JsonNode c : S.get("calls")) {
      JsonNode a = c.get("args");
      byte[] enc = switch (c.get("call").asText()) {
        case "SubtensorModule.set_weights" -> Calls.setWeights(md, a.get("netuid").asInt(), ints(a.get("dests")), ints(a.get("weights")), Long.parseLong(a.get("version_key").asText()));
        case "SubtensorModule.set_mechanism_weights" -> Calls.setMechanismWeights(md, a.get("netuid").asInt(), a.get("mecid").asInt(), ints(a.get("dests")), ints(a.get("weights")), Long.parseLong(a.get("version_key").asText()));
        case "SubtensorModule.serve_axon" -> Calls.serveAxon(md, a.get("netuid").asInt(), a.get("version").asLong(), a.get("ip_dotted").asText(), a.get("port").asInt(), a.get("ip_type").asInt(), a.get("protocol").asInt());
        default -> throw new AssertionError(c.get("call").asText());
      };
      assertThat(Hex.encode(enc)).as(c.get("call").asText()).isEqualTo(c.get("encoded").asText());
    }
  }

  @Test
  void axonInfo() {
    JsonNode ai = S.get("axon_info");
    JsonNode v = ai.get("value");
    AxonInfo info = new AxonInfo(Long.parseLong(v.get("block").asText()), v.get("version").asLong(), v.get("ip_dotted").asText(), v.get("port").asInt(), v.get("ip_type").asInt(), v.get("protocol").asInt());
    assertThat(Hex.encode(info.encode())).isEqualTo(ai.get("encoded").asText());
    assertThat(AxonInfo.decode(new ScaleReader(Vectors.hex(ai.get("encoded"))))).isEqualTo(info);
    assertThat(AxonInfo.ipToInt("203.0.113.7")).isEqualTo(new BigInteger(v.get("ip").asText()));
  }

  @Test
  void signedExtrinsics() {
    JsonNode keys = Vectors.json("synapse-wire.json").get("keys");
    assertThat(S.get("signed_extrinsics").size()).isEqualTo(4);
    for (JsonNode x : S.get("signed_extrinsics")) {
      String id = x.get("id").asText();
      Sr25519Keypair signer = null;
      for (JsonNode k : keys) if (k.get("ss58").asText().equals(x.get("signer_ss58").asText())) signer = SR.fromMiniSecret(Vectors.hex(k.get("mini_secret")));
      assertThat(signer).as(id).isNotNull();
      JsonNode era = x.get("era");
      Era e = Era.mortal(era.get("current_block").asLong(), era.get("period").asLong());
      Extrinsics.SigningContext c = new Extrinsics.SigningContext(x.get("nonce").asLong(), new BigInteger(x.get("tip").asText()), e,
          x.get("spec_version").asLong(), x.get("transaction_version").asLong(), Vectors.hex(x.get("genesis_hash")), Vectors.hex(x.get("block_hash")));
      Extrinsics.Built b = Extrinsics.build(md, Vectors.hex(x.get("call")), signer, c, SR);
      assertThat(Hex.encode(b.extra())).as(id).isEqualTo(x.get("extra").asText());
      assertThat(Hex.encode(b.implicit())).as(id).isEqualTo(x.get("implicit").asText());
      assertThat(Hex.encode(b.signingPayload())).as(id).isEqualTo(x.get("signing_payload").asText());
      assertThat(b.signatureOffset()).isEqualTo(x.get("signature_offset_in_extrinsic").asInt());
      byte[] signed = Vectors.hex(x.get("signed_bytes"));
      assertThat(SR.verify(signer.publicKey(), signed, b.signature())).as(id).isTrue();
      assertThat(SR.verify(signer.publicKey(), signed, Vectors.hex(x.get("signature")))).isTrue();
      byte[] theirs = Vectors.hex(x.get("extrinsic"));
      byte[] ours = b.extrinsic().clone();
      System.arraycopy(Vectors.hex(x.get("signature")), 0, ours, b.signatureOffset(), 64);
      assertThat(Hex.encode(ours)).as(id).isEqualTo(Hex.encode(theirs));
      Extrinsics.Built same = Extrinsics.assemble(Vectors.hex(x.get("call")), signer.publicKey(), Vectors.hex(x.get("signature")), b.extra(), b.implicit(), b.signingPayload());
      assertThat(Hex.encode(same.txHash())).isEqualTo(x.get("tx_hash").asText());
    }
  }

  @Test
  void storageKeysFromMetadataHashers() {
    JsonNode keys = Vectors.json("hashes.json").at("/storage/keys");
    assertThat(keys.size()).isEqualTo(53);
    for (JsonNode k : keys) {
      JsonNode a = k.get("args");
      List<byte[]> parts = new ArrayList<>();
      if (a.has("netuid")) parts.add(StorageKeys.u16(a.get("netuid").asInt()));
      if (a.has("hotkey_pubkey")) parts.add(Vectors.hex(a.get("hotkey_pubkey")));
      if (a.has("hotkey_ss58") && !a.has("hotkey_pubkey")) parts.add(Ss58.decode(a.get("hotkey_ss58").asText()));
      if (a.has("account_ss58")) parts.add(Ss58.decode(a.get("account_ss58").asText()));
      if (a.has("uid")) parts.add(StorageKeys.u16(a.get("uid").asInt()));
      byte[] key = StorageKeys.key(md, k.get("pallet").asText(), k.get("item").asText(), parts.toArray(new byte[0][]));
      assertThat(Hex.encode0x(key)).as(k.get("item").asText() + " " + a).isEqualTo(k.get("key").asText());
    }
    JsonNode it = Vectors.json("hashes.json").at("/storage/iteration_prefixes");
    assertThat(it.size()).isEqualTo(5);
    assertThat(Hex.encode0x(ai.alphacore.bittensor.crypto.Hashes.twox128("SubtensorModule"))).isEqualTo(it.get(0).get("key").asText());
    assertThat(Hex.encode0x(StorageKeys.key(md, "SubtensorModule", "Uids"))).isEqualTo(it.get(1).get("key").asText());
    assertThat(Hex.encode0x(StorageKeys.key(md, "SubtensorModule", "Uids", StorageKeys.u16(1)))).isEqualTo(it.get(2).get("key").asText());
    assertThat(Hex.encode0x(StorageKeys.key(md, "SubtensorModule", "Keys", StorageKeys.u16(1)))).isEqualTo(it.get(3).get("key").asText());
    assertThat(Hex.encode0x(StorageKeys.key(md, "SubtensorModule", "Axons", StorageKeys.u16(1)))).isEqualTo(it.get(4).get("key").asText());
  }

  @Test
  void weightNormalisationMatchesTheSdk() {
    WeightUtils.U16Weights w = WeightUtils.toU16(new int[] {0, 5, 7}, new float[] {1.0f, 0.1111111f, 0f});
    assertThat(w.uids()).containsExactly(0, 5);
    assertThat(w.weights()).containsExactly(65535, 7282);
    // Half-even: 0.5/1 * 65535 = 32767.5 → 32768 (even); 1.5/... cases
    assertThat(WeightUtils.toU16(new int[] {1, 2}, new float[] {2f, 1f}).weights()).containsExactly(65535, 32768);
    assertThat(WeightUtils.toU16(new int[] {1}, new float[] {0f}).uids()).isEmpty();
    assertThat(Arrays.asList(WeightUtils.maxUpscale(List.of(10, 5)).toArray())).containsExactly(65535, 32768);
  }
}
