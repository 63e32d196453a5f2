package ai.alphacore.bittensor.crypto;

import java.util.Arrays;

/**
 * An sr25519 keypair in schnorrkel form: canonical key scalar (32 bytes LE), nonce (32 bytes),
 * compressed ristretto public key (32 bytes). {@link #toString()} never shows secret parts.
 */
public record Sr25519Keypair(byte[] secretScalar, byte[] nonce, byte[] publicKey) {

  public Sr25519Keypair {
    if (secretScalar.length != 32 || nonce.length != 32 || publicKey.length != 32)
      throw new IllegalArgumentException("keypair parts must be 32 bytes each");
    secretScalar = secretScalar.clone();
    nonce = nonce.clone();
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] secretScalar() {
    return secretScalar.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** schnorrkel {@code SecretKey::to_bytes()}: scalar || nonce, the btwallet {@code privateKey}. */
  public byte[] secretKeyBytes() {
    byte[] out = new byte[64];
    System.arraycopy(secretScalar, 0, out, 0, 32);
    System.arraycopy(nonce, 0, out, 32, 32);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sr25519Keypair k
        && Arrays.equals(secretScalar, k.secretScalar)
        && Arrays.equals(nonce, k.nonce)
        && Arrays.equals(publicKey, k.publicKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "Sr25519Keypair[public=" + Hex.encode(publicKey) + "]";
  }
}
