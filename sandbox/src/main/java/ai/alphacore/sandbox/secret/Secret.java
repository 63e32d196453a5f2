package ai.alphacore.sandbox.secret;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A short-lived credential (the validator's read-only OAuth token). It never prints itself, and
 * is only ever written to a process's stdin or a raw 0600 drive, never to argv or a workspace file.
 */
public final class Secret implements AutoCloseable {
  private final byte[] value;
  private volatile boolean wiped;

  private Secret(byte[] value) {
    this.value = value;
  }

  /** Tokens are single-line printable ASCII; anything else would be a validator bug. */
  public static Secret of(String token) {
    if (token == null || token.isEmpty()) throw new IllegalArgumentException("empty token");
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) throw new IllegalArgumentException("token must be printable ASCII without spaces");
    }
    if (token.length() > 8192) throw new IllegalArgumentException("token longer than 8192 characters");
    return new Secret(token.getBytes(StandardCharsets.US_ASCII));
  }

  /** A copy of the bytes; callers must not keep it longer than one write. */
  public byte[] bytes() {
    if (wiped) throw new IllegalStateException("secret already wiped");
    return value.clone();
  }

  /** The value as text, for the redactor only. */
  String text() {
    return new String(value, StandardCharsets.US_ASCII);
  }

  public int length() {
    return value.length;
  }

  @Override
  public void close() {
    Arrays.fill(value, (byte) 0);
    wiped = true;
  }

  @Override
  public String toString() {
    return "Secret[REDACTED]";
  }
}
