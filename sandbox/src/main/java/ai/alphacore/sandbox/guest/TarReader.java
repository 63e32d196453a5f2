package ai.alphacore.sandbox.guest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the raw results drive: a ustar stream the guest wrote with {@code tar -cf /dev/vdc}. Pure
 * user-space parsing with hard caps, so a hostile guest can at worst produce a parse error, never
 * reach the host kernel's filesystem code (validation.md S8). Only regular files at the top level
 * are returned; links, devices and nested paths are ignored.
 */
public final class TarReader {
  private TarReader() {}

  public static final class TarException extends IOException {
    public TarException(String message) {
      super(message);
    }
  }

  /**
   * @param maxFileBytes per file; longer files are rejected
   * @param maxFiles entries read before giving up
   */
  public static Map<String, byte[]> read(InputStream in, long maxFileBytes, int maxFiles) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    byte[] header = new byte[512];
    for (int n = 0; n < maxFiles; n++) {
      int got = in.readNBytes(header, 0, 512);
      if (got < 512 || allZero(header)) return out;
      String name = cstr(header, 0, 100);
      String prefix = cstr(header, 345, 155);
      String magic = cstr(header, 257, 6);
      if (!magic.startsWith("ustar")) throw new TarException("not a ustar header at entry " + n);
      if (!checksumOk(header)) throw new TarException("bad header checksum at entry " + n);
      long size = octal(header, 124, 12);
      if (size < 0) throw new TarException("bad size field at entry " + n);
      char type = (char) (header[156] == 0 ? '0' : header[156]);
      String full = prefix.isEmpty() ? name : prefix + "/" + name;
      String clean = full.startsWith("./") ? full.substring(2) : full;
      long padded = (size + 511) / 512 * 512;
      boolean keep = type == '0' && !clean.isEmpty() && !clean.contains("/") && !clean.equals("..");
      if (keep) {
        if (size > maxFileBytes) throw new TarException("result file " + clean + " is " + size + " bytes, over the cap of " + maxFileBytes);
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) throw new TarException("truncated result file " + clean);
        in.skipNBytes(padded - size);
        out.put(clean, data);
      } else {
        in.skipNBytes(padded);
      }
    }
    return out;
  }

  private static boolean allZero(byte[] b) {
    for (byte x : b) if (x != 0) return false;
    return true;
  }

  private static String cstr(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) end++;
    return new String(b, off, end - off, StandardCharsets.US_ASCII);
  }

  private static long octal(byte[] b, int off, int len) {
    long v = 0;
    boolean any = false;
    for (int i = off; i < off + len; i++) {
      int c = b[i];
      if (c == 0 || c == ' ') {
        if (any) break;
        continue;
      }
      if (c < '0' || c > '7') return -1;
      v = v * 8 + (c - '0');
      any = true;
      if (v > (1L << 40)) return -1;
    }
    return v;
  }

  private static boolean checksumOk(byte[] h) {
    long stored = octal(h, 148, 8);
    long sum = 0;
    for (int i = 0; i < 512; i++) sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
    return stored == sum;
  }
}
