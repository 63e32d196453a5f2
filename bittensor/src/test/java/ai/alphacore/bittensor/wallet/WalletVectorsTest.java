package ai.alphacore.bittensor.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.Vectors;
import ai.alphacore.bittensor.crypto.Hex;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletVectorsTest {
  private final Sr25519 sr = Sr25519.standard();
  private final JsonNode w = Vectors.json("wallet/wallet.json");

  @Test
  void readsTheExampleWalletHotkeyAndPubFiles() {
    Wallet wallet = new Wallet(Vectors.dir().resolve("wallet"), "test-wallet", "test-hotkey", sr);
    Sr25519Keypair hk = wallet.hotkey();
    assertThat(Hex.encode(hk.publicKey())).isEqualTo(w.at("/hotkey/public_key").asText());
    assertThat(Hex.encode(hk.secretKeyBytes())).isEqualTo(w.at("/hotkey/private_key_schnorrkel").asText());
    assertThat(wallet.hotkeySs58()).isEqualTo(w.at("/hotkey/ss58_42").asText());
    assertThat(wallet.coldkeySs58()).isEqualTo(w.at("/coldkey/ss58_42").asText());
    assertThatThrownBy(() -> Keyfile.parse(Files.readAllBytes(wallet.coldkeyFile()), sr))
        .isInstanceOf(BittensorException.class)
        .extracting(e -> ((BittensorException) e).code())
        .isEqualTo(BittensorException.Code.WALLET_ENCRYPTED);
  }

  @Test
  void coldkeySecretboxWithTheDerivedKey() throws Exception {
    JsonNode enc = w.at("/coldkey/encryption");
    byte[] file = Files.readAllBytes(Vectors.dir().resolve("wallet/test-wallet/coldkey"));
    byte[] key = Vectors.hex(enc.get("derived_key"));
    byte[] plain = NaclKeyfileCrypto.decryptWithKey(file, key);
    assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(w.at("/coldkey/plaintext_keyfile").asText());
    Keyfile.Contents c = Keyfile.parse(plain, sr);
    assertThat(Hex.encode(c.keypair().orElseThrow().secretKeyBytes()))
        .isEqualTo(w.at("/coldkey/private_key_schnorrkel").asText());
    // Re-encrypting with the same nonce reproduces the file byte for byte.
    assertThat(NaclKeyfileCrypto.encryptWithKey(plain, key, Vectors.hex(enc.get("nonce")))).isEqualTo(file);
    byte[] wrongKey = key.clone();
    wrongKey[0] ^= 1;
    assertThatThrownBy(() -> NaclKeyfileCrypto.decryptWithKey(file, wrongKey))
        .isInstanceOf(BittensorException.class).hasMessageContaining("wrong password");
  }

  @Test
  void argon2iKdfVectors() {
    JsonNode cases = w.at("/argon2i_kdf_vectors/cases");
    int n = 0;
    for (JsonNode c : cases) {
      byte[] k = NaclKeyfileCrypto.deriveKey(
          c.get("password_utf8").asText().getBytes(StandardCharsets.UTF_8),
          c.get("t_cost_passes").asInt(), c.get("m_cost_kib").asInt());
      assertThat(Hex.encode(k)).as(c.get("params").asText()).isEqualTo(c.get("key").asText());
      n++;
    }
    assertThat(n).isEqualTo(cases.size()).isEqualTo(10);
  }

  @Test
  void fullColdkeyDecryptWithPasswordAndEnvVarRule() {
    JsonNode enc = w.at("/coldkey/encryption");
    Wallet wallet = new Wallet(Vectors.dir().resolve("wallet"), "test-wallet", "test-hotkey", sr);
    JsonNode env = w.get("password_env_var");
    assertThat(NaclKeyfileCrypto.passwordEnvName(env.get("example_path").asText())).isEqualTo(env.get("name").asText());
    byte[] pw = NaclKeyfileCrypto.passwordFromEnvValue(env.get("name").asText(), env.get("value_base64").asText());
    assertThat(new String(pw, StandardCharsets.UTF_8)).isEqualTo(enc.get("password_utf8").asText());
    Sr25519Keypair cold = wallet.coldkey(pw);
    assertThat(Hex.encode(cold.publicKey())).isEqualTo(w.at("/coldkey/public_key").asText());
  }

  @Test
  void createWritesMode600AndReadsBack(@TempDir Path tmp) throws Exception {
    Wallet.Created c = Wallet.create(tmp, "w1", "h1", null, sr, new SecureRandom());
    Wallet w1 = c.wallet();
    for (Path f : new Path[] {w1.coldkeyFile(), w1.coldkeypubFile(), w1.hotkeyFile(), w1.hotkeypubFile()})
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    assertThat(w1.hotkeySs58()).isEqualTo(c.hotkeySs58());
    assertThat(ai.alphacore.bittensor.ss58.Ss58.encode(w1.hotkey().publicKey())).isEqualTo(c.hotkeySs58());
    assertThat(w1.coldkeySs58()).isEqualTo(c.coldkeySs58());
    assertThatThrownBy(() -> Wallet.create(tmp, "w1", "h1", null, sr, new SecureRandom()))
        .isInstanceOf(BittensorException.class).hasMessageContaining("already exists");
    // A second hotkey under the same coldkey keeps the coldkey.
    Wallet.Created c2 = Wallet.create(tmp, "w1", "h2", null, sr, new SecureRandom());
    assertThat(c2.coldkeySs58()).isEqualTo(c.coldkeySs58());
    assertThat(Wallet.list(tmp, sr)).singleElement().satisfies(i -> {
      assertThat(i.name()).isEqualTo("w1");
      assertThat(i.hotkeys()).extracting(Wallet.HotkeyInfo::name).containsExactly("h1", "h2");
    });
  }

  @Test
  void malformedKeyfilesGiveClearErrors() {
    Random r = new Random(3);
    for (String bad : new String[] {"", "{", "[]", "{\"privateKey\":\"0x12\"}", "{\"secretSeed\":\"0xzz\"}", "{\"foo\":\"bar\"}"}) {
      assertThatThrownBy(() -> Keyfile.parse(bad.getBytes(StandardCharsets.UTF_8), sr))
          .as(bad).isInstanceOf(BittensorException.class);
    }
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[r.nextInt(100)];
      r.nextBytes(junk);
      assertThatThrownBy(() -> Keyfile.parse(junk, sr)).isInstanceOf(BittensorException.class);
    }
  }
}
