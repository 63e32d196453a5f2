package ai.alphacore.bittensor.ss58;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import ai.alphacore.bittensor.crypto.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/** SS58 addresses; Bittensor uses prefix 42. Checks follow sp-core's order. */
public final class Ss58 {
  public static final int BITTENSOR_PREFIX = 42;
  private static final byte[] PRE = "SS58PRE".getBytes(StandardCharsets.US_ASCII);

  /** A decoded address. */
  public record Decoded(int prefix, byte[] publicKey) {}

  private Ss58() {}

  public static String encode(byte[] publicKey) {
    return encode(publicKey, BITTENSOR_PREFIX);
  }

  public static String encode(byte[] publicKey, int prefix) {
    if (publicKey == null || publicKey.length != 32)
      throw new BittensorException(Code.BAD_KEY, "public key must be 32 bytes");
    byte[] pre = prefixBytes(prefix);
    byte[] payload = Hashes.concat(pre, publicKey);
    byte[] sum = checksum(payload);
    return Base58.encode(Hashes.concat(payload, new byte[] {sum[0], sum[1]}));
  }

  static byte[] prefixBytes(int prefix) {
    if (prefix < 0 || prefix >= 16384)
      throw new BittensorException(Code.SS58_INVALID_PREFIX, "SS58 prefix out of range: " + prefix);
    if (prefix < 64) return new byte[] {(byte) prefix};
    int b0 = ((prefix & 0xFC) >> 2) | 0x40;
    int b1 = (prefix >> 8) | ((prefix & 0x03) << 6);
    return new byte[] {(byte) b0, (byte) b1};
  }

  /** Decodes an address with any valid prefix. */
  public static Decoded decodeAny(String address) {
    if (address == null) throw new BittensorException(Code.SS58_INVALID_LENGTH, "address is missing");
    byte[] data = Base58.decode(address);
    if (data == null)
      throw new BittensorException(Code.SS58_INVALID_BASE58, "address is not valid base58");
    if (data.length < 2)
      throw new BittensorException(Code.SS58_INVALID_LENGTH, "address is too short");
    int first = data[0] & 0xff;
    int prefix;
    int prefixLen;
    if (first < 64) {
      prefix = first;
      prefixLen = 1;
    } else if (first < 128) {
      int b1 = data[1] & 0xff;
      prefix = (((first << 2) & 0xFF) | (b1 >> 6)) | ((b1 & 0x3F) << 8);
      prefixLen = 2;
    } else {
      throw new BittensorException(Code.SS58_INVALID_PREFIX, "address has a reserved prefix byte");
    }
    if (data.length != prefixLen + 32 + 2)
      throw new BittensorException(Code.SS58_INVALID_LENGTH, "address has the wrong length");
    byte[] payload = Arrays.copyOfRange(data, 0, prefixLen + 32);
    byte[] sum = checksum(payload);
    byte[] got = Arrays.copyOfRange(data, prefixLen + 32, data.length);
    if (!MessageDigest.isEqual(Arrays.copyOf(sum, 2), got))
      throw new BittensorException(Code.SS58_INVALID_CHECKSUM, "address checksum does not match");
    return new Decoded(prefix, Arrays.copyOfRange(payload, prefixLen, payload.length));
  }

  /** Decodes a Bittensor (prefix 42) address to its 32-byte public key. */
  public static byte[] decode(String address) {
    Decoded d = decodeAny(address);
    if (d.prefix() != BITTENSOR_PREFIX)
      throw new BittensorException(
          Code.SS58_WRONG_PREFIX, "address prefix is " + d.prefix() + ", expected 42");
    return d.publicKey();
  }

  public static boolean isValid(String address) {
    try {
      decode(address);
      return true;
    } catch (BittensorException e) {
      return false;
    }
  }

  private static byte[] checksum(byte[] payload) {
    return Hashes.blake2b(Hashes.concat(PRE, payload), 512);
  }
}
