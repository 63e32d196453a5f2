package ai.alphacore.cloud.auth;

/**
 * Bearer tokens for the verifier's reads. Implementations refresh before expiry and never log a
 * token; {@link #toString()} must not reveal it either.
 */
public interface TokenSource {
  /** A token valid for at least the next minute. Throws {@link TokenException} when none can be had. */
  String token() throws TokenException;

  /** The server rejected the last token (HTTP 401): refresh if possible. False when a retry is pointless. */
  boolean invalidate();

  /** What kind of source this is, for messages (never the token itself). */
  String describe();
}
