package ai.alphacore.core.tfstate;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while checking they are well-formed UTF-8 (no overlongs, surrogates or
 * code points past U+10FFFF), as Python's strict decoder does on the whole file, and counting
 * them against a byte limit. A leading byte-order mark is reported: Python's json rejects it.
 */
final class Utf8CheckingInputStream extends FilterInputStream {
  /** Thrown through the JSON parser; unwrapped by the reader into an error code. */
  static final class Malformed extends IOException {
    final boolean limit;

    Malformed(String msg, boolean limit) {
      super(msg);
      this.limit = limit;
    }
  }

  private final long maxBytes;
  private long offset;
  private int need; // continuation bytes still expected
  private int lowerBound = 0x80; // allowed range of the next continuation byte
  private int upperBound = 0xBF;
  private int leading; // first bytes, to spot a BOM

  Utf8CheckingInputStream(InputStream in, long maxBytes) {
    super(in);
    this.maxBytes = maxBytes;
  }

  long bytesRead() {
    return offset;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      if (need > 0) throw new Malformed("truncated UTF-8 sequence at end of file (byte " + offset + ")", false);
      return n;
    }
    check(b, off, n);
    return n;
  }

  private void check(byte[] b, int off, int n) throws Malformed {
    int i = off;
    int end = off + n;
    if (offset < 3) {
      for (; i < end && offset + (i - off) < 3; i++) leading = (leading << 8) | (b[i] & 0xFF);
      i = off;
      if (offset + n >= 3 && leading == 0xEFBBBF) throw new Malformed("file starts with a UTF-8 byte-order mark", false);
    }
    for (; i < end; i++) {
      int c = b[i] & 0xFF;
      if (need == 0) {
        if (c < 0x80) continue;
        if (c >= 0xC2 && c <= 0xDF) {
          need = 1;
          lowerBound = 0x80;
          upperBound = 0xBF;
        } else if (c >= 0xE0 && c <= 0xEF) {
          need = 2;
          lowerBound = c == 0xE0 ? 0xA0 : 0x80;
          upperBound = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
          need = 3;
          lowerBound = c == 0xF0 ? 0x90 : 0x80;
          upperBound = c == 0xF4 ? 0x8F : 0xBF;
        } else {
          throw bad(off, i, c);
        }
      } else {
        if (c < lowerBound || c > upperBound) throw bad(off, i, c);
        lowerBound = 0x80;
        upperBound = 0xBF;
        need--;
      }
    }
    offset += n;
    if (offset > maxBytes) throw new Malformed("document is larger than the limit of " + maxBytes + " bytes", true);
  }

  private Malformed bad(int off, int i, int c) {
    return new Malformed(String.format("invalid UTF-8 byte 0x%02x at byte %d", c, offset + (i - off)), false);
  }
}
