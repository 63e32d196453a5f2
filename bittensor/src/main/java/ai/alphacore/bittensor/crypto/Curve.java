package ai.alphacore.bittensor.crypto;

import cafe.cryptography.curve25519.AlphacoreVartime;
import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.RistrettoElement;
import cafe.cryptography.curve25519.Scalar;

/** The group operations verification needs, in one place so a faster backend can slot in. */
final class Curve {
  private static final boolean VARTIME = vartimeAvailable();

  private Curve() {}

  /** s·B − k·P (variable time is fine: every input of verification is public). */
  static RistrettoElement sBminusKP(Scalar s, Scalar k, RistrettoElement p) {
    if (VARTIME) return AlphacoreVartime.doubleScalarMulBasepoint(Scalar.ZERO.subtract(k), p, s);
    return constantTime(s, k, p);
  }

  static RistrettoElement constantTime(Scalar s, Scalar k, RistrettoElement p) {
    return Constants.RISTRETTO_GENERATOR_TABLE.multiply(s).subtract(p.multiply(k));
  }

  private static boolean vartimeAvailable() {
    try {
      RistrettoElement g = Constants.RISTRETTO_GENERATOR;
      Scalar two = Scalar.ONE.add(Scalar.ONE);
      // Self-check against the public API: 2·G − 1·G = G.
      return AlphacoreVartime.doubleScalarMulBasepoint(Scalar.ZERO.subtract(Scalar.ONE), g, two).equals(g);
    } catch (LinkageError e) {
      return false; // e.g. on the module path, where the package is sealed
    }
  }
}
