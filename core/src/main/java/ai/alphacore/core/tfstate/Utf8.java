package ai.alphacore.core.tfstate;

/** Strict UTF-8 well-formedness, as Python's decoder checks it (no overlongs or surrogates). */
public final class Utf8 {
  private Utf8() {}

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** Starts with a UTF-8 byte-order mark, which Python's json refuses. */
  public static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  public static boolean isValid(byte[] b) {
    return isValid(b, 0, b.length);
  }

  /** Validates {@code b[from, to)}; a sequence cut at {@code to} counts as invalid. */
  public static boolean isValid(byte[] b, int from, int to) {
    int i = from;
    int n = to;
    while (i < n) {
      // ASCII fast path: eight bytes at a time.
      while (i + 8 <= n && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) i += 8;
      if (i >= n) break;
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) need = 1;
      else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
      } else return false;
      for (int k = 1; k <= need; k++) {
        if (i + k >= n) return false;
        int d = b[i + k] & 0xFF;
        if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF)) return false;
      }
      i += need + 1;
    }
    return true;
  }
}
