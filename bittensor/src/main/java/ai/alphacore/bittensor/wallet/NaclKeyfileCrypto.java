package ai.alphacore.bittensor.wallet;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * btwallet's {@code $NACL} keyfile encryption: {@code "$NACL" || nonce(24) || secretbox}, key =
 * Argon2i v1.3 (libsodium SENSITIVE limits) of the password with btwallet's fixed salt.
 */
public final class NaclKeyfileCrypto {
  static final byte[] MAGIC = "$NACL".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SALT = {
    0x13, 0x71, (byte) 0x83, (byte) 0xdf, (byte) 0xf1, 0x5a, 0x09, (byte) 0xbc,
    (byte) 0x9c, (byte) 0x90, (byte) 0xb5, 0x51, (byte) 0x87, 0x39, (byte) 0xe9, (byte) 0xb1
  };
  /** libsodium crypto_pwhash OPSLIMIT_SENSITIVE / MEMLIMIT_SENSITIVE. */
  public static final int SENSITIVE_PASSES = 8;

  public static final int SENSITIVE_MEMORY_KIB = 512 * 1024;

  private NaclKeyfileCrypto() {}

  public static boolean isNacl(byte[] data) {
    return data.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC);
  }

  public static byte[] deriveKey(byte[] password, int passes, int memoryKib) {
    Argon2Parameters p =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_i)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withIterations(passes)
            .withMemoryAsKB(memoryKib)
            .withParallelism(1)
            .withSalt(SALT)
            .build();
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(p);
    byte[] out = new byte[32];
    g.generateBytes(password, out);
    return out;
  }

  public static byte[] decrypt(byte[] file, byte[] password) {
    return decryptWithKey(file, deriveKey(password, SENSITIVE_PASSES, SENSITIVE_MEMORY_KIB));
  }

  public static byte[] decryptWithKey(byte[] file, byte[] key) {
    if (!isNacl(file) || file.length < MAGIC.length + 24 + 16)
      throw new BittensorException(Code.WALLET_BAD_KEYFILE, "not a $NACL encrypted keyfile");
    byte[] nonce = Arrays.copyOfRange(file, MAGIC.length, MAGIC.length + 24);
    byte[] box = Arrays.copyOfRange(file, MAGIC.length + 24, file.length);
    return secretboxOpen(box, nonce, key);
  }

  public static byte[] encrypt(byte[] plaintext, byte[] password, SecureRandom random) {
    byte[] nonce = new byte[24];
    random.nextBytes(nonce);
    byte[] key = deriveKey(password, SENSITIVE_PASSES, SENSITIVE_MEMORY_KIB);
    return encryptWithKey(plaintext, key, nonce);
  }

  public static byte[] encryptWithKey(byte[] plaintext, byte[] key, byte[] nonce) {
    byte[] box = secretbox(plaintext, nonce, key);
    byte[] out = new byte[MAGIC.length + 24 + box.length];
    System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
    System.arraycopy(nonce, 0, out, MAGIC.length, 24);
    System.arraycopy(box, 0, out, MAGIC.length + 24, box.length);
    return out;
  }

  /** NaCl crypto_secretbox (XSalsa20-Poly1305): output = MAC(16) || ciphertext. */
  static byte[] secretbox(byte[] m, byte[] nonce, byte[] key) {
    byte[] stream = keystream(key, nonce, 32 + m.length);
    byte[] c = new byte[m.length];
    for (int i = 0; i < m.length; i++) c[i] = (byte) (m[i] ^ stream[32 + i]);
    byte[] mac = poly1305(Arrays.copyOf(stream, 32), c);
    byte[] out = new byte[16 + c.length];
    System.arraycopy(mac, 0, out, 0, 16);
    System.arraycopy(c, 0, out, 16, c.length);
    return out;
  }

  static byte[] secretboxOpen(byte[] box, byte[] nonce, byte[] key) {
    if (box.length < 16) throw new BittensorException(Code.WALLET_DECRYPT_FAILED, "ciphertext too short");
    byte[] c = Arrays.copyOfRange(box, 16, box.length);
    byte[] stream = keystream(key, nonce, 32 + c.length);
    byte[] mac = poly1305(Arrays.copyOf(stream, 32), c);
    if (!MessageDigest.isEqual(mac, Arrays.copyOf(box, 16)))
      throw new BittensorException(Code.WALLET_DECRYPT_FAILED, "wrong password or corrupted keyfile");
    byte[] m = new byte[c.length];
    for (int i = 0; i < c.length; i++) m[i] = (byte) (c[i] ^ stream[32 + i]);
    return m;
  }

  private static byte[] keystream(byte[] key, byte[] nonce, int len) {
    XSalsa20Engine e = new XSalsa20Engine();
    e.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    byte[] out = new byte[len];
    e.processBytes(new byte[len], 0, len, out, 0);
    return out;
  }

  private static byte[] poly1305(byte[] key32, byte[] data) {
    Poly1305 p = new Poly1305();
    p.init(new KeyParameter(key32));
    p.update(data, 0, data.length);
    byte[] out = new byte[16];
    p.doFinal(out, 0);
    return out;
  }

  /** btwallet's {@code BT_PW_<PATH>} variable name for a keyfile path. */
  public static String passwordEnvName(String path) {
    return "BT_PW_" + path.replace('/', '_').replace('.', '_').toUpperCase(java.util.Locale.ROOT);
  }

  /** Decodes the variable's value: base64 of the password XOR-ed with the variable name. */
  public static byte[] passwordFromEnvValue(String name, String valueBase64) {
    byte[] x;
    try {
      x = java.util.Base64.getDecoder().decode(valueBase64.trim());
    } catch (IllegalArgumentException e) {
      throw new BittensorException(Code.WALLET_BAD_KEYFILE, name + " is not valid base64");
    }
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < x.length; i++) x[i] ^= n[i % n.length];
    return x;
  }
}
