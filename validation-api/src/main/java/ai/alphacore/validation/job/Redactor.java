package ai.alphacore.validation.job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Removes secrets from text bound for logs and results: each secret, and its base64 and
 * base64url forms (the reference only redacted the exact string: validation.md S10).
 */
public final class Redactor {
  public static final String MARK = "[REDACTED]";
  private final List<String> needles = new ArrayList<>();

  public Redactor(List<String> secrets) {
    for (String s : secrets) {
      if (s == null || s.length() < 6) continue;
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      needles.add(s);
      needles.add(Base64.getEncoder().encodeToString(b));
      needles.add(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }
    needles.sort((a, c) -> c.length() - a.length());
  }

  public static Redactor none() {
    return new Redactor(List.of());
  }

  public String apply(String text) {
    if (text == null || needles.isEmpty()) return text;
    String out = text;
    for (String n : needles) if (out.contains(n)) out = out.replace(n, MARK);
    return out;
  }
}
