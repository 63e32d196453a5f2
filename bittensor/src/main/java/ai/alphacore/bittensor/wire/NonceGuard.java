package ai.alphacore.bittensor.wire;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK's nonce rules: a first nonce per {@code hotkey:uuid} must be newer than
 * {@code now − 4 s − timeout}; later ones strictly greater than the last accepted. The client's
 * timeout is capped (it is not signed), which also lets old entries be pruned safely.
 */
final class NonceGuard {
  static final long ALLOWED_DELTA_NS = 4_000_000_000L;
  private final ConcurrentHashMap<String, Long> last = new ConcurrentHashMap<>();
  private final double maxTimeoutSeconds;
  private long lastPrune;

  NonceGuard(double maxTimeoutSeconds) {
    this.maxTimeoutSeconds = maxTimeoutSeconds;
  }

  /** Returns null when acceptable, else the SDK's error text. Does not record. */
  String check(String endpointKey, long nonce, double timeoutSeconds, long nowNs) {
    Long prev = last.get(endpointKey);
    if (prev != null) return nonce > prev ? null : "Nonce is too old, a newer one was last processed";
    double t = Math.min(Math.max(timeoutSeconds, 0), maxTimeoutSeconds);
    long window = ALLOWED_DELTA_NS + (long) (t * 1e9);
    if (nonce > nowNs - window) return null;
    return String.format(java.util.Locale.ROOT,
        "Nonce is too old: acceptable delta is %.2f seconds but request was %.2f seconds old",
        window / 1e9, (nowNs - nonce) / 1e9);
  }

  /** Records atomically; false if a concurrent request already used an equal or newer nonce. */
  boolean record(String endpointKey, long nonce, long nowNs) {
    boolean[] ok = {false};
    last.compute(endpointKey, (k, prev) -> {
      if (prev == null || nonce > prev) {
        ok[0] = true;
        return nonce;
      }
      return prev;
    });
    prune(nowNs);
    return ok[0];
  }

  int size() {
    return last.size();
  }

  private void prune(long nowNs) {
    long horizon = ALLOWED_DELTA_NS + (long) (maxTimeoutSeconds * 1e9);
    synchronized (this) {
      if (nowNs - lastPrune < 10_000_000_000L) return;
      lastPrune = nowNs;
    }
    // Anything at or below now − window is rejected by the freshness rule anyway.
    for (Iterator<Map.Entry<String, Long>> it = last.entrySet().iterator(); it.hasNext(); )
      if (it.next().getValue() <= nowNs - horizon) it.remove();
  }
}
