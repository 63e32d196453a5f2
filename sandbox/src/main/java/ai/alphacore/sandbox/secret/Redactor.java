package ai.alphacore.sandbox.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes a secret from everything the validator keeps or sends back: the exact value and the
 * encodings a careless or hostile config would produce (base64 at every alignment, hex, reversed,
 * URL-safe base64). It cannot undo arbitrary transformations; that is why the token is never
 * handed to anything that evaluates miner code in the first place (see docs/sandbox.md).
 */
public final class Redactor {
  public static final String MARK = "[REDACTED]";
  private static final int MIN_FRAGMENT = 8;

  private final List<String> needles;

  private Redactor(List<String> needles) {
    this.needles = needles;
  }

  public static Redactor none() {
    return new Redactor(List.of());
  }

  public static Redactor of(Secret... secrets) {
    Set<String> n = new LinkedHashSet<>();
    for (Secret s : secrets) {
      if (s == null) continue;
      String t = s.text();
      n.add(t);
      n.add(new StringBuilder(t).reverse().toString());
      n.add(HexFormat.of().formatHex(t.getBytes(StandardCharsets.US_ASCII)));
      n.add(HexFormat.of().withUpperCase().formatHex(t.getBytes(StandardCharsets.US_ASCII)));
      n.addAll(base64Cores(t.getBytes(StandardCharsets.US_ASCII)));
    }
    List<String> list = new ArrayList<>(n);
    list.removeIf(x -> x.length() < MIN_FRAGMENT);
    list.sort((a, b) -> b.length() - a.length());
    return new Redactor(List.copyOf(list));
  }

  /**
   * The part of base64(prefix + secret + suffix) that depends only on the secret, for the three
   * alignments: what a base64 of a whole file containing the token would show.
   */
  private static List<String> base64Cores(byte[] s) {
    List<String> out = new ArrayList<>();
    for (int pad = 0; pad < 3; pad++) {
      byte[] b = new byte[pad + s.length];
      System.arraycopy(s, 0, b, pad, s.length);
      for (Base64.Encoder enc : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
        String e = enc.withoutPadding().encodeToString(b);
        int skip = pad == 0 ? 0 : (pad == 1 ? 2 : 3); // chars touched by the unknown prefix bytes
        int keep = (b.length / 3) * 4; // chars touched by the unknown suffix are past full groups
        if (keep > skip) out.add(e.substring(skip, keep));
      }
    }
    return out;
  }

  public String redact(String text) {
    if (text == null || needles.isEmpty()) return text;
    String r = text;
    for (String n : needles) r = r.replace(n, MARK);
    // Case-insensitive pass for the hex forms and for logs that upper-case headers.
    String lower = r.toLowerCase(Locale.ROOT);
    for (String n : needles) {
      String ln = n.toLowerCase(Locale.ROOT);
      int i = lower.indexOf(ln);
      while (i >= 0) {
        r = r.substring(0, i) + MARK + r.substring(i + n.length());
        lower = r.toLowerCase(Locale.ROOT);
        i = lower.indexOf(ln);
      }
    }
    return r;
  }

  /** Redacts bytes as ISO-8859-1 text, so any byte sequence survives the round trip untouched. */
  public byte[] redact(byte[] data) {
    if (data == null || needles.isEmpty()) return data;
    String s = new String(data, StandardCharsets.ISO_8859_1);
    String r = redact(s);
    return r.equals(s) ? data : r.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** True when the text still holds the secret in any form this redactor knows. */
  public boolean leaks(String text) {
    if (text == null) return false;
    String lower = text.toLowerCase(Locale.ROOT);
    for (String n : needles) if (lower.contains(n.toLowerCase(Locale.ROOT))) return true;
    return false;
  }
}
