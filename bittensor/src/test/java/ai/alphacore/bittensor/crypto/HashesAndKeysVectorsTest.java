package ai.alphacore.bittensor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.Vectors;
import ai.alphacore.bittensor.ss58.Ss58;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashesAndKeysVectorsTest {
  private final Sr25519 sr = Sr25519.standard();

  @Test
  void hashVectors() {
    JsonNode hs = Vectors.json("hashes.json").get("hashes");
    assertThat(hs.size()).isEqualTo(11);
    for (JsonNode h : hs) {
      byte[] in = Vectors.hex(h.get("input_hex"));
      String id = h.get("name").asText();
      assertThat(Hex.encode(Hashes.blake2b(in, 128))).as(id).isEqualTo(h.get("blake2b_128").asText());
      assertThat(Hex.encode(Hashes.blake2b(in, 256))).as(id).isEqualTo(h.get("blake2b_256").asText());
      assertThat(Hex.encode(Hashes.blake2b(in, 512))).as(id).isEqualTo(h.get("blake2b_512").asText());
      for (int s = 0; s < 4; s++)
        assertThat(String.format("%016x", XxHash64.hash(in, s))).as(id + " seed " + s)
            .isEqualTo(h.get("xxh64_seed" + s + "_u64_hex").asText());
      assertThat(Hex.encode(Hashes.twox64(in))).isEqualTo(h.get("twox64").asText());
      assertThat(Hex.encode(Hashes.twox128(in))).isEqualTo(h.get("twox128").asText());
      assertThat(Hex.encode(Hashes.twox256(in))).isEqualTo(h.get("twox256").asText());
      assertThat(Hex.encode(Hashes.twox64Concat(in))).isEqualTo(h.get("twox64concat").asText());
      assertThat(Hex.encode(Hashes.blake2_128Concat(in))).isEqualTo(h.get("blake2_128concat").asText());
      assertThat(Hex.encode(Hashes.sha3_256(in))).isEqualTo(h.get("sha3_256").asText());
      assertThat(Hex.encode(Hashes.sha256(in))).isEqualTo(h.get("sha256").asText());
    }
  }

  @Test
  void mnemonicsToMiniSecret() {
    JsonNode ms = Vectors.json("sr25519.json").get("mnemonics");
    assertThat(ms.size()).isEqualTo(12);
    for (JsonNode m : ms) {
      String words = m.get("mnemonic").asText();
      assertThat(Hex.encode(Bip39.entropy(words))).isEqualTo(m.get("entropy").asText());
      assertThat(Bip39.fromEntropy(Bip39.entropy(words))).isEqualTo(words);
      byte[] seed64 = Bip39.seed64(words, m.get("password").asText());
      assertThat(Hex.encode(seed64)).isEqualTo(m.get("pbkdf2_output_64").asText())
          .isNotEqualTo(m.get("NOT_the_bip39_standard_seed_64").asText());
      byte[] mini = Bip39.miniSecret(words, m.get("password").asText());
      assertThat(Hex.encode(mini)).isEqualTo(m.get("mini_secret").asText());
      Sr25519Keypair kp = sr.fromMiniSecret(mini);
      assertThat(Hex.encode(kp.publicKey())).isEqualTo(m.get("public_key").asText());
      assertThat(Ss58.encode(kp.publicKey())).isEqualTo(m.get("ss58_42").asText());
    }
  }

  @Test
  void hardDerivations() {
    JsonNode hd = Vectors.json("sr25519.json").get("hard_derivations");
    assertThat(hd.size()).isEqualTo(6);
    for (JsonNode d : hd) {
      String name = d.get("uri").asText().substring(2);
      assertThat(Hex.encode(SecretUri.chainCode(name))).isEqualTo(d.get("chain_code").asText());
      Sr25519Keypair parent = sr.fromMiniSecret(Vectors.hex(d.get("parent_mini_secret")));
      byte[] child = sr.hardDeriveMiniSecret(parent, SecretUri.chainCode(name));
      assertThat(Hex.encode(child)).isEqualTo(d.get("derived_mini_secret").asText());
      Sr25519Keypair kp = SecretUri.deriveHard(sr, parent, List.of(name));
      assertThat(Hex.encode(kp.publicKey())).isEqualTo(d.get("public_key").asText());
      assertThat(Ss58.encode(kp.publicKey())).isEqualTo(d.get("ss58_42").asText());
    }
    // The dev phrase with //Alice as a full URI.
    Sr25519Keypair alice = SecretUri.derive(sr,
        "bottom drive obey lake curtain smoke basket hold race lonely fit walk//Alice");
    assertThat(Ss58.encode(alice.publicKey())).isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
  }

  @Test
  void badMnemonicsAndPathsGiveClearErrors() {
    assertThatThrownBy(() -> Bip39.entropy("abandon abandon"))
        .isInstanceOf(BittensorException.class).hasMessageContaining("12, 15");
    assertThatThrownBy(() -> Bip39.entropy("abandon ".repeat(12)))
        .isInstanceOf(BittensorException.class).hasMessageContaining("checksum");
    assertThatThrownBy(() -> Bip39.entropy("abandon ".repeat(11) + "qwertyuiop"))
        .isInstanceOf(BittensorException.class).hasMessageContaining("word 12");
    assertThatThrownBy(() -> SecretUri.junctions("/soft"))
        .isInstanceOf(BittensorException.class).hasMessageContaining("hard junctions");
  }

  @Test
  void generatedMnemonicsRoundTripSeeded() {
    Random r = new Random(7);
    for (int words : new int[] {12, 15, 18, 21, 24}) {
      byte[] e = new byte[words * 4 / 3];
      r.nextBytes(e);
      assertThat(Bip39.entropy(Bip39.fromEntropy(e))).isEqualTo(e);
    }
    assertThat(Bip39.generate(12, new SecureRandom()).split(" ")).hasSize(12);
  }
}
