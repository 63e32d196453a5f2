package ai.alphacore.sandbox.intake;

/** Recognises archive and compressed-stream signatures at the start of a file. */
final class NestedArchive {
  private NestedArchive() {}

  /** The format's name, or null when the bytes start like no known archive. */
  static String detect(byte[] h, int len) {
    if (starts(h, len, 'P', 'K', 3, 4) || starts(h, len, 'P', 'K', 5, 6) || starts(h, len, 'P', 'K', 7, 8)) return "zip";
    if (starts(h, len, 0x1f, 0x8b)) return "gzip";
    if (len >= 10 && starts(h, len, 'B', 'Z', 'h') && h[3] >= '1' && h[3] <= '9'
        && at(h, 4, len, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59)) return "bzip2";
    if (starts(h, len, 0xfd, '7', 'z', 'X', 'Z', 0)) return "xz";
    if (starts(h, len, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) return "7z";
    if (starts(h, len, 0x28, 0xb5, 0x2f, 0xfd)) return "zstd";
    if (starts(h, len, 'R', 'a', 'r', '!', 0x1a, 0x07)) return "rar";
    if (at(h, 257, len, 'u', 's', 't', 'a', 'r')) return "tar";
    return null;
  }

  private static boolean starts(byte[] h, int len, int... sig) {
    return at(h, 0, len, sig);
  }

  private static boolean at(byte[] h, int at, int len, int... sig) {
    if (len < at + sig.length) return false;
    for (int i = 0; i < sig.length; i++) if ((h[at + i] & 0xff) != (sig[i] & 0xff)) return false;
    return true;
  }
}
