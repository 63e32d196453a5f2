package ai.alphacore.validation.job;

/**
 * File-name-safe form of a task id or miner uid: ASCII letters, digits, '-' and '_' only
 * (the reference also kept '.', so ".." escaped its index directories: validation.md S12).
 */
public final class SafeName {
  private SafeName() {}

  public static String of(String s, String fallback) {
    if (s == null) return fallback;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 80; i++) {
      char c = s.charAt(i);
      b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ? c : '_');
    }
    return b.isEmpty() ? fallback : b.toString();
  }
}
