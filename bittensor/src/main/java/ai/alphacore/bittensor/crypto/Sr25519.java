package ai.alphacore.bittensor.crypto;

/**
 * sr25519 (schnorrkel over ristretto255, Merlin transcripts) with the Substrate signing context.
 * The curve library stays behind this interface; {@link #standard()} is the pure-Java one.
 */
public interface Sr25519 {

  /** Expands a 32-byte mini secret (ExpansionMode::Ed25519, as Substrate does). */
  Sr25519Keypair fromMiniSecret(byte[] miniSecret);

  /** Loads a 64-byte schnorrkel secret key (scalar || nonce). */
  Sr25519Keypair fromSecretKey(byte[] secretKey64);

  /** Signs with fresh randomness. */
  byte[] sign(Sr25519Keypair key, byte[] message);

  /** Signs with the given 32 RNG bytes (deterministic; for tests and reproducible vectors). */
  byte[] sign(Sr25519Keypair key, byte[] message, byte[] rng32);

  /**
   * Strict verification of a signature over exactly {@code message}. Returns false (never
   * throws) for malformed keys or signatures, and rejects the all-zero (identity) public key.
   */
  boolean verify(byte[] publicKey, byte[] message, byte[] signature);

  /** Substrate HDKD hard derivation: child mini secret for {@code //junction}. */
  byte[] hardDeriveMiniSecret(Sr25519Keypair parent, byte[] chainCode32);

  /**
   * btwallet's rule used by Python axons: raw message first, then {@code <Bytes>msg</Bytes>}.
   */
  default boolean verifyAcceptingWrapped(byte[] publicKey, byte[] message, byte[] signature) {
    if (verify(publicKey, message, signature)) return true;
    byte[] open = "<Bytes>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] close = "</Bytes>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] w = new byte[open.length + message.length + close.length];
    System.arraycopy(open, 0, w, 0, open.length);
    System.arraycopy(message, 0, w, open.length, message.length);
    System.arraycopy(close, 0, w, open.length + message.length, close.length);
    return verify(publicKey, w, signature);
  }

  static Sr25519 standard() {
    return Schnorrkel.INSTANCE;
  }
}
