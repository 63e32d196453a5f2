package ai.alphacore.cloud.auth;

/** No token could be obtained: a validator fault, never the miner's. */
public final class TokenException extends Exception {
  public TokenException(String message, Throwable cause) {
    super(message, cause);
  }

  public TokenException(String message) {
    super(message);
  }
}
