package ai.alphacore.taskgen.naming;

import ai.alphacore.taskgen.rng.Rng;

/**
 * Random identifiers as the reference draws them: lowercase letters and digits only, first
 * character a letter, so every value is valid for every GCP kind it is used for and contains no
 * separator a miner's affix could be confused with.
 */
public final class Names {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String ALNUM = LETTERS + "0123456789";

  private Names() {}

  /** A name of {@code minLen..maxLen} characters: a letter, then letters and digits. */
  public static String identifier(Rng rng, int minLen, int maxLen) {
    int len = rng.between(minLen, maxLen);
    StringBuilder sb = new StringBuilder(len);
    sb.append(LETTERS.charAt(rng.nextInt(LETTERS.length())));
    while (sb.length() < len) sb.append(ALNUM.charAt(rng.nextInt(ALNUM.length())));
    return sb.toString();
  }

  /** Like {@link #identifier} but never starting with the reserved "goog" (Pub/Sub, buckets). */
  public static String identifierNoGoog(Rng rng, int minLen, int maxLen) {
    String s = identifier(rng, minLen, maxLen);
    if (s.startsWith("goog")) s = LETTERS.charAt(rng.nextInt(6)) + s.substring(1); // a..f, never g
    return s;
  }

  /** Letters and digits, any first character (object content, secret payloads). */
  public static String text(Rng rng, int minLen, int maxLen) {
    int len = rng.between(minLen, maxLen);
    StringBuilder sb = new StringBuilder(len);
    while (sb.length() < len) sb.append(ALNUM.charAt(rng.nextInt(ALNUM.length())));
    return sb.toString();
  }
}
