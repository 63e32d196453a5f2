package ai.alphacore.bittensor.crypto;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP-39 English words ⇄ entropy, and substrate-bip39's mini secret: PBKDF2-HMAC-SHA512 over the
 * <em>entropy</em> (not the words, unlike the BIP-39 standard seed).
 */
public final class Bip39 {
  private static final List<String> WORDS = load();
  private static final Map<String, Integer> INDEX = new HashMap<>();

  static {
    for (int i = 0; i < WORDS.size(); i++) INDEX.put(WORDS.get(i), i);
  }

  private Bip39() {}

  public static byte[] entropy(String mnemonic) {
    String[] words = normalize(mnemonic).trim().split("\\s+");
    int n = words.length;
    if (n < 12 || n > 24 || n % 3 != 0)
      throw new BittensorException(Code.BAD_MNEMONIC, "mnemonic must have 12, 15, 18, 21 or 24 words, got " + n);
    int totalBits = n * 11;
    int csBits = totalBits / 33;
    int entBits = totalBits - csBits;
    byte[] bits = new byte[(totalBits + 7) / 8];
    for (int w = 0; w < n; w++) {
      Integer idx = INDEX.get(words[w]);
      if (idx == null)
        throw new BittensorException(Code.BAD_MNEMONIC, "word " + (w + 1) + " is not in the BIP-39 English list");
      for (int b = 0; b < 11; b++)
        if ((idx & (1 << (10 - b))) != 0) {
          int pos = w * 11 + b;
          bits[pos / 8] |= (byte) (0x80 >>> (pos % 8));
        }
    }
    byte[] entropy = Arrays.copyOf(bits, entBits / 8);
    byte[] hash = Hashes.sha256(entropy);
    for (int i = 0; i < csBits; i++) {
      int pos = entBits + i;
      boolean got = (bits[pos / 8] & (0x80 >>> (pos % 8))) != 0;
      boolean want = (hash[i / 8] & (0x80 >>> (i % 8))) != 0;
      if (got != want) throw new BittensorException(Code.BAD_MNEMONIC, "mnemonic checksum does not match");
    }
    return entropy;
  }

  public static String fromEntropy(byte[] entropy) {
    int entBits = entropy.length * 8;
    if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0)
      throw new BittensorException(Code.BAD_MNEMONIC, "entropy must be 16..32 bytes, a multiple of 4");
    int csBits = entBits / 32;
    byte[] hash = Hashes.sha256(entropy);
    byte[] all = Hashes.concat(entropy, new byte[] {hash[0]});
    List<String> out = new ArrayList<>();
    for (int w = 0; w < (entBits + csBits) / 11; w++) {
      int idx = 0;
      for (int b = 0; b < 11; b++) {
        int pos = w * 11 + b;
        idx = (idx << 1) | ((all[pos / 8] >>> (7 - pos % 8)) & 1);
      }
      out.add(WORDS.get(idx));
    }
    return String.join(" ", out);
  }

  public static String generate(int words, SecureRandom random) {
    byte[] e = new byte[words * 11 * 32 / 33 / 8];
    random.nextBytes(e);
    return fromEntropy(e);
  }

  /** substrate-bip39 {@code mini_secret_from_entropy}: first 32 bytes of the PBKDF2 output. */
  public static byte[] miniSecret(String mnemonic, String password) {
    return Arrays.copyOf(seed64(mnemonic, password), 32);
  }

  static byte[] seed64(String mnemonic, String password) {
    byte[] entropy = entropy(mnemonic);
    byte[] salt = ("mnemonic" + normalize(password == null ? "" : password)).getBytes(StandardCharsets.UTF_8);
    PKCS5S2ParametersGenerator g = new PKCS5S2ParametersGenerator(new SHA512Digest());
    g.init(entropy, salt, 2048);
    return ((KeyParameter) g.generateDerivedParameters(512)).getKey();
  }

  private static String normalize(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKD);
  }

  private static List<String> load() {
    try (InputStream in = Bip39.class.getResourceAsStream("bip39-english.txt")) {
      if (in == null) throw new IllegalStateException("bip39-english.txt missing from the jar");
      List<String> w = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
      if (w.size() != 2048) throw new IllegalStateException("bip39 word list must have 2048 words");
      return w;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
