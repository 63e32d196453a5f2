package ai.alphacore.core.judge.compat;

/**
 * Where the reference raises inside its validator (for example {@code comparison_rule: null} on
 * a type that calls {@code .get} on it). The whole task then scores 0 with 0 invariants.
 */
final class CompatCrash extends RuntimeException {
  CompatCrash(String message) {
    super(message, null, false, false);
  }
}
