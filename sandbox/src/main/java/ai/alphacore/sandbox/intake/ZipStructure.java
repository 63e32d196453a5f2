package ai.alphacore.sandbox.intake;

import ai.alphacore.sandbox.SandboxError;
import ai.alphacore.sandbox.SandboxException;
import java.io.IOException;

/**
 * Just enough of the ZIP format to check what commons-compress will not: the entry count before
 * the central directory is parsed, and that each local header agrees with its central record.
 */
final class ZipStructure {
  static final int EOCD_SIG = 0x06054b50;
  static final int ZIP64_LOCATOR_SIG = 0x07064b50;
  static final int ZIP64_EOCD_SIG = 0x06064b50;
  static final int LOCAL_SIG = 0x04034b50;

  private ZipStructure() {}

  /** Total entries announced by the end-of-central-directory record (zip64 aware). */
  static long declaredEntryCount(ByteSource src) throws IOException, SandboxException {
    long size = src.size();
    if (size < 22) throw notZip();
    int window = (int) Math.min(size, 22 + 65535);
    byte[] tail = new byte[window];
    long base = size - window;
    if (src.read(base, tail, window) != window) throw notZip();
    for (int i = window - 22; i >= 0; i--) {
      if (le32(tail, i) != EOCD_SIG) continue;
      long entries = le16(tail, i + 10);
      long cdOffset = le32(tail, i + 16) & 0xffffffffL;
      if (entries == 0xffff || cdOffset == 0xffffffffL) {
        long z = zip64Entries(src, base + i);
        if (z >= 0) return z;
      }
      return entries;
    }
    throw notZip();
  }

  private static long zip64Entries(ByteSource src, long eocdPos) throws IOException, SandboxException {
    if (eocdPos < 20) return -1;
    byte[] loc = new byte[20];
    if (src.read(eocdPos - 20, loc, 20) != 20 || le32(loc, 0) != ZIP64_LOCATOR_SIG) return -1;
    long z64 = le64(loc, 8);
    byte[] rec = new byte[56];
    if (z64 < 0 || src.read(z64, rec, 56) != 56 || le32(rec, 0) != ZIP64_EOCD_SIG) {
      throw new SandboxException(SandboxError.CORRUPT, null, "Corrupt zip: bad zip64 end of central directory");
    }
    long n = le64(rec, 32);
    return n < 0 ? Long.MAX_VALUE : n;
  }

  /** The local header at an offset: what it says, and where its data starts. */
  record LocalHeader(int flags, int method, long crc, long compressedSize, long size, byte[] name, long dataOffset) {}

  static LocalHeader localHeader(ByteSource src, long offset, String entry) throws IOException, SandboxException {
    byte[] h = new byte[30];
    if (offset < 0 || src.read(offset, h, 30) != 30 || le32(h, 0) != LOCAL_SIG) {
      throw new SandboxException(SandboxError.LYING_HEADER, entry,
          "Refusing zip entry whose local header is missing: " + entry);
    }
    int nameLen = le16(h, 26);
    int extraLen = le16(h, 28);
    byte[] name = new byte[nameLen];
    if (src.read(offset + 30, name, nameLen) != nameLen) {
      throw new SandboxException(SandboxError.CORRUPT, entry, "Corrupt zip: truncated local header: " + entry);
    }
    return new LocalHeader(le16(h, 6), le16(h, 8), le32(h, 14) & 0xffffffffL, le32(h, 18) & 0xffffffffL,
        le32(h, 22) & 0xffffffffL, name, offset + 30 + nameLen + extraLen);
  }

  static SandboxException notZip() {
    return new SandboxException(SandboxError.CORRUPT, null, "File is not a zip file");
  }

  static int le16(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
  }

  static int le32(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
  }

  static long le64(byte[] b, int i) {
    return (le32(b, i) & 0xffffffffL) | ((long) le32(b, i + 4)) << 32;
  }
}
