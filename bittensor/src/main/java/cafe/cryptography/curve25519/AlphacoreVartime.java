package cafe.cryptography.curve25519;

/**
 * Access to curve25519-elisabeth's variable-time double-base multiplication, which its public
 * Ristretto API does not expose. Used only for signature verification (public inputs), where
 * it roughly doubles throughput. Lives in the library's package; works on the class path.
 */
public final class AlphacoreVartime {
  private AlphacoreVartime() {}

  /** a·A + b·B, variable time (inputs must be public). */
  public static RistrettoElement doubleScalarMulBasepoint(Scalar a, RistrettoElement bigA, Scalar b) {
    return new RistrettoElement(EdwardsPoint.vartimeDoubleScalarMultiplyBasepoint(a, bigA.repr, b));
  }
}
