package ai.alphacore.sandbox.secret;

/** Mints (or hands out) one short-lived token per validation. */
@FunctionalInterface
public interface TokenSupplier {
  Secret get() throws Exception;

  /** The environment variable the google provider reads; for local runs and tests. */
  static TokenSupplier fromEnv(String var) {
    return () -> {
      String v = System.getenv(var);
      if (v == null || v.isBlank()) throw new IllegalStateException("environment variable " + var + " is not set");
      return Secret.of(v.strip());
    };
  }

  static TokenSupplier fixed(String token) {
    return () -> Secret.of(token);
  }
}
