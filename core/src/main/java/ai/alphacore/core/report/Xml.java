package ai.alphacore.core.report;

/** XML text escaping for attribute and element content (XML 1.0 forbids most control chars). */
final class Xml {
  private Xml() {}

  static String esc(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        case '\n', '\r', '\t' -> sb.append("&#").append((int) c).append(';');
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) sb.append("\\u").append(String.format("%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    return sb.toString();
  }
}
