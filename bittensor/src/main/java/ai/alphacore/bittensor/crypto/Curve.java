package ai.alphacore.bittensor.crypto;

import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.RistrettoElement;
import cafe.cryptography.curve25519.Scalar;

/** The group operations verification needs, in one place so a faster backend can slot in. */
final class Curve {
  private Curve() {}

  /** s·B − k·P. */
  static RistrettoElement sBminusKP(Scalar s, Scalar k, RistrettoElement p) {
    return Constants.RISTRETTO_GENERATOR_TABLE.multiply(s).subtract(p.multiply(k));
  }
}
