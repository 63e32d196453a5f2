package ai.alphacore.cloud.gcp;

import java.time.Duration;

/**
 * Retries for validator-side faults (429, 5xx, timeouts): exponential backoff from {@code base},
 * capped at {@code max}, with full jitter; {@code attempts} counts the first try.
 */
public record RetryPolicy(int attempts, Duration base, Duration max, Duration timeout) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(20));

  public RetryPolicy {
    if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1");
  }

  /** Delay before retry number {@code n} (1-based), before jitter. */
  public Duration delay(int n) {
    long ms = base.toMillis() << Math.min(20, n - 1);
    return Duration.ofMillis(Math.min(ms, max.toMillis()));
  }
}
