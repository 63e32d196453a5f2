package ai.alphacore.bittensor.wallet;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import ai.alphacore.bittensor.crypto.Bip39;
import ai.alphacore.bittensor.crypto.Hex;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import ai.alphacore.bittensor.ss58.Ss58;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** btwallet JSON keyfiles: parse with btwallet's loading precedence, write with hex seeds. */
public final class Keyfile {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a keyfile holds: always a public key; a keypair only if secret fields are present. */
  public record Contents(byte[] publicKey, String ss58Address, Optional<Sr25519Keypair> keypair) {
    @Override
    public String toString() {
      return "Keyfile.Contents[" + ss58Address + (keypair.isPresent() ? ", with secret" : ", public only") + "]";
    }
  }

  private Keyfile() {}

  public static Contents parse(byte[] data, Sr25519 sr) {
    if (NaclKeyfileCrypto.isNacl(data))
      throw new BittensorException(Code.WALLET_ENCRYPTED, "keyfile is encrypted; a password is needed");
    if (startsWith(data, "$ANSIBLE_VAULT") || startsWith(data, "gAAAAA"))
      throw new BittensorException(Code.UNSUPPORTED, "legacy keyfile encryption (ansible-vault/Fernet) is not supported");
    JsonNode n;
    try {
      n = JSON.readTree(data);
    } catch (IOException e) {
      throw new BittensorException(Code.WALLET_BAD_KEYFILE, "keyfile is not valid JSON");
    }
    if (n == null || !n.isObject()) throw new BittensorException(Code.WALLET_BAD_KEYFILE, "keyfile is not a JSON object");
    Sr25519Keypair kp = null;
    if (text(n, "secretPhrase") != null) {
      kp = sr.fromMiniSecret(Bip39.miniSecret(text(n, "secretPhrase"), ""));
    } else if (text(n, "secretSeed") != null) {
      byte[] seed = Hex.decode(text(n, "secretSeed"));
      if (seed.length == 32) kp = sr.fromMiniSecret(seed);
      else if (seed.length == 64) kp = sr.fromSecretKey(seed);
      else throw new BittensorException(Code.WALLET_BAD_KEYFILE, "secretSeed must be 32 or 64 bytes");
    } else if (text(n, "privateKey") != null) {
      kp = sr.fromSecretKey(Hex.decode(text(n, "privateKey"), 64, "privateKey"));
    }
    byte[] pub;
    if (kp != null) {
      pub = kp.publicKey();
      String declared = text(n, "publicKey");
      if (declared != null && !Arrays.equals(Hex.decode(declared), pub))
        throw new BittensorException(Code.WALLET_BAD_KEYFILE, "keyfile publicKey does not match its secret");
    } else if (text(n, "publicKey") != null) {
      pub = Hex.decode(text(n, "publicKey"), 32, "publicKey");
    } else if (text(n, "accountId") != null) {
      pub = Hex.decode(text(n, "accountId"), 32, "accountId");
    } else if (text(n, "ss58Address") != null) {
      pub = Ss58.decode(text(n, "ss58Address"));
    } else {
      throw new BittensorException(Code.WALLET_BAD_KEYFILE, "keyfile has no key fields");
    }
    return new Contents(pub, Ss58.encode(pub), Optional.ofNullable(kp));
  }

  /** Full keyfile JSON (btwallet field names; seed always written as hex). */
  public static byte[] write(Sr25519Keypair kp, String mnemonicOrNull, byte[] miniSecretOrNull) {
    ObjectNode o = JSON.createObjectNode();
    o.put("accountId", Hex.encode0x(kp.publicKey()));
    o.put("publicKey", Hex.encode0x(kp.publicKey()));
    o.put("privateKey", Hex.encode0x(kp.secretKeyBytes()));
    if (mnemonicOrNull != null) o.put("secretPhrase", mnemonicOrNull);
    if (miniSecretOrNull != null) o.put("secretSeed", Hex.encode0x(miniSecretOrNull));
    o.put("ss58Address", Ss58.encode(kp.publicKey()));
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Public-only JSON ({@code coldkeypub.txt}, {@code <hotkey>pub.txt}). */
  public static byte[] writePublic(byte[] publicKey) {
    ObjectNode o = JSON.createObjectNode();
    o.put("accountId", Hex.encode0x(publicKey));
    o.put("publicKey", Hex.encode0x(publicKey));
    o.put("ss58Address", Ss58.encode(publicKey));
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String text(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() || !v.isTextual() || v.asText().isEmpty() ? null : v.asText();
  }

  private static boolean startsWith(byte[] d, String p) {
    byte[] b = p.getBytes(StandardCharsets.US_ASCII);
    return d.length >= b.length && Arrays.equals(Arrays.copyOf(d, b.length), b);
  }
}
