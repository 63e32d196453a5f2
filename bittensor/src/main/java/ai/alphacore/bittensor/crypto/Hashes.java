package ai.alphacore.bittensor.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/** The hashers Substrate storage keys, SS58 and synapse body hashes use. */
public final class Hashes {
  private Hashes() {}

  /** BLAKE2b with a {@code bits}-bit digest (not a truncation of BLAKE2b-512). */
  public static byte[] blake2b(byte[] in, int bits) {
    Blake2bDigest d = new Blake2bDigest(bits);
    d.update(in, 0, in.length);
    byte[] out = new byte[bits / 8];
    d.doFinal(out, 0);
    return out;
  }

  public static byte[] blake2b256(byte[] in) {
    return blake2b(in, 256);
  }

  public static byte[] blake2_128Concat(byte[] in) {
    return concat(blake2b(in, 128), in);
  }

  /** twox64 = XXH64(seed 0) as 8 little-endian bytes. */
  public static byte[] twox64(byte[] in) {
    return le64(XxHash64.hash(in, 0));
  }

  public static byte[] twox128(byte[] in) {
    return concat(le64(XxHash64.hash(in, 0)), le64(XxHash64.hash(in, 1)));
  }

  public static byte[] twox128(String s) {
    return twox128(s.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] twox256(byte[] in) {
    byte[] out = new byte[32];
    for (int i = 0; i < 4; i++) System.arraycopy(le64(XxHash64.hash(in, i)), 0, out, i * 8, 8);
    return out;
  }

  public static byte[] twox64Concat(byte[] in) {
    return concat(twox64(in), in);
  }

  public static byte[] sha3_256(byte[] in) {
    return digest("SHA3-256", in);
  }

  public static byte[] sha256(byte[] in) {
    return digest("SHA-256", in);
  }

  private static byte[] digest(String alg, byte[] in) {
    try {
      return MessageDigest.getInstance(alg).digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] le64(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (8 * i));
    return b;
  }

  public static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) n += p.length;
    byte[] out = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }
}
