package ai.alphacore.bittensor.scale;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict SCALE decoding: bounds-checked, and non-canonical compact encodings are rejected as
 * parity-scale-codec does ("out of range decoding Compact<T>").
 */
public final class ScaleReader {
  private final byte[] b;
  private int pos;

  public ScaleReader(byte[] b) {
    this.b = b;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return b.length - pos;
  }

  public boolean hasRemaining() {
    return pos < b.length;
  }

  public void expectEnd() {
    if (pos != b.length) throw err(remaining() + " trailing bytes");
  }

  public int u8() {
    need(1);
    return b[pos++] & 0xff;
  }

  public int u16() {
    return (int) le(2);
  }

  public long u32() {
    return le(4);
  }

  public long u64() {
    return le(8);
  }

  public BigInteger u64Big() {
    return new BigInteger(Long.toUnsignedString(le(8)));
  }

  public BigInteger u128() {
    byte[] x = raw(16);
    byte[] be = new byte[17];
    for (int i = 0; i < 16; i++) be[16 - i] = x[i];
    return new BigInteger(be);
  }

  public boolean bool() {
    int v = u8();
    if (v > 1) throw err("invalid bool byte " + v);
    return v == 1;
  }

  public byte[] raw(int n) {
    if (n < 0) throw err("negative length");
    need(n);
    byte[] out = Arrays.copyOfRange(b, pos, pos + n);
    pos += n;
    return out;
  }

  public BigInteger compactBig() {
    int first = u8();
    switch (first & 3) {
      case 0:
        return BigInteger.valueOf(first >>> 2);
      case 1: {
        int v = (first | (u8() << 8)) >>> 2;
        if (v < 64) throw err("out of range decoding Compact<T>");
        return BigInteger.valueOf(v);
      }
      case 2: {
        long v = ((first & 0xffL) | ((long) u8() << 8) | ((long) u8() << 16) | ((long) u8() << 24)) >>> 2;
        if (v < (1L << 14)) throw err("out of range decoding Compact<T>");
        return BigInteger.valueOf(v);
      }
      default: {
        int n = (first >>> 2) + 4;
        byte[] le = raw(n);
        if (le[n - 1] == 0) throw err("out of range decoding Compact<T>");
        byte[] be = new byte[n + 1];
        for (int i = 0; i < n; i++) be[n - i] = le[i];
        BigInteger v = new BigInteger(be);
        if (v.bitLength() <= 30) throw err("out of range decoding Compact<T>");
        return v;
      }
    }
  }

  /** Compact that must fit a non-negative long (lengths, u64 values up to 2^63). */
  public long compact() {
    BigInteger v = compactBig();
    if (v.bitLength() > 63) throw err("compact value too large: " + v);
    return v.longValue();
  }

  /** A length prefix, bounded by the bytes left (so a hostile length cannot allocate). */
  public int length(int minItemSize) {
    long n = compact();
    if (n > Integer.MAX_VALUE || n * Math.max(1, minItemSize) > remaining() + 0L && minItemSize > 0)
      throw err("length " + n + " exceeds the remaining " + remaining() + " bytes");
    return (int) n;
  }

  public byte[] bytes() {
    return raw(length(1));
  }

  public String string() {
    byte[] x = bytes();
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(x)).toString();
    } catch (CharacterCodingException e) {
      throw err("invalid UTF-8 in string");
    }
  }

  /** Option tag: false for None, true for Some. */
  public boolean option() {
    int t = u8();
    if (t > 1) throw err("invalid Option tag " + t);
    return t == 1;
  }

  private long le(int n) {
    need(n);
    long v = 0;
    for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[pos + i] & 0xffL);
    pos += n;
    return v;
  }

  private void need(int n) {
    if (n > remaining()) throw err("unexpected end of input (need " + n + ", have " + remaining() + ")");
  }

  private BittensorException err(String m) {
    return new BittensorException(Code.SCALE_DECODE, "SCALE: " + m + " at offset " + pos);
  }
}
