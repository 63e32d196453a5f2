package ai.alphacore.bittensor.scale;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** SCALE encoding: fixed little-endian ints, compact ints, Vec, Option, bool, bytes, strings. */
public final class ScaleWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public ScaleWriter u8(int v) {
    out.write(v & 0xff);
    return this;
  }

  public ScaleWriter u16(int v) {
    return le(v, 2);
  }

  public ScaleWriter u32(long v) {
    return le(v, 4);
  }

  public ScaleWriter u64(long v) {
    return le(v, 8);
  }

  public ScaleWriter u128(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 128) throw new IllegalArgumentException("u128 out of range");
    byte[] be = v.toByteArray();
    byte[] le = new byte[16];
    for (int i = 0; i < 16 && i < be.length; i++) le[i] = be[be.length - 1 - i];
    return raw(le);
  }

  public ScaleWriter bool(boolean b) {
    return u8(b ? 1 : 0);
  }

  public ScaleWriter raw(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  public ScaleWriter compact(long v) {
    if (v < 0) return compact(new BigInteger(Long.toUnsignedString(v)));
    return raw(compactBytes(BigInteger.valueOf(v)));
  }

  public ScaleWriter compact(BigInteger v) {
    return raw(compactBytes(v));
  }

  /** Vec<u8> / Bytes: compact length then the bytes. */
  public ScaleWriter bytes(byte[] b) {
    compact(b.length);
    return raw(b);
  }

  public ScaleWriter string(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  public ScaleWriter vecU16(List<Integer> xs) {
    compact(xs.size());
    for (int x : xs) u16(x);
    return this;
  }

  public ScaleWriter none() {
    return u8(0);
  }

  public ScaleWriter some() {
    return u8(1);
  }

  private ScaleWriter le(long v, int n) {
    for (int i = 0; i < n; i++) out.write((int) (v >>> (8 * i)) & 0xff);
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  public static byte[] compactBytes(BigInteger v) {
    if (v.signum() < 0) throw new IllegalArgumentException("compact of a negative number");
    if (v.compareTo(BigInteger.valueOf(1L << 6)) < 0) return new byte[] {(byte) (v.intValue() << 2)};
    if (v.compareTo(BigInteger.valueOf(1L << 14)) < 0) {
      int x = (v.intValue() << 2) | 1;
      return new byte[] {(byte) x, (byte) (x >> 8)};
    }
    if (v.compareTo(BigInteger.valueOf(1L << 30)) < 0) {
      long x = (v.longValue() << 2) | 2;
      return new byte[] {(byte) x, (byte) (x >> 8), (byte) (x >> 16), (byte) (x >> 24)};
    }
    byte[] be = v.toByteArray();
    int start = be[0] == 0 ? 1 : 0;
    int n = be.length - start;
    if (n > 67) throw new IllegalArgumentException("compact too large");
    byte[] out = new byte[1 + n];
    out[0] = (byte) (((n - 4) << 2) | 3);
    for (int i = 0; i < n; i++) out[1 + i] = be[be.length - 1 - i];
    return out;
  }
}
