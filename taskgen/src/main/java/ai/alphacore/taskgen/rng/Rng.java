package ai.alphacore.taskgen.rng;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small seeded PRNG (SplitMix64) written out here so a task is reproducible from its seed on
 * any JDK: java.util.Random and SplittableRandom are stable too, but their derived methods
 * (bounded ints, shuffles) are not part of a contract we control.
 */
public final class Rng {
  private long state;

  public Rng(long seed) {
    this.state = seed;
  }

  /** A stream keyed by a path of labels, e.g. {@code of(seed, "template", "vpc_network")}. */
  public static Rng of(Object... parts) {
    return new Rng(hash(parts));
  }

  /** First 8 bytes of SHA-256 over the parts joined with ':' (labels never contain ':' ambiguity that matters). */
  public static long hash(Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) sb.append(':');
      sb.append(parts[i]);
    }
    byte[] d = SHA256.get().digest(sb.toString().getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(d, 0, 8).getLong();
  }

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  });

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, bound), without modulo bias. */
  public int nextInt(int bound) {
    if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
    while (true) {
      long bits = nextLong() >>> 1;
      long val = bits % bound;
      if (bits - val + (bound - 1) >= 0) return (int) val; // reject the biased tail (overflow check)
    }
  }

  /** Uniform in [lo, hi], both inclusive. */
  public int between(int lo, int hi) {
    if (hi < lo) throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
    return lo + nextInt(hi - lo + 1);
  }

  public boolean nextBoolean() {
    return (nextLong() & 1L) == 1L;
  }

  public <T> T pick(List<T> items) {
    if (items.isEmpty()) throw new IllegalArgumentException("cannot pick from an empty list");
    return items.get(nextInt(items.size()));
  }

  /** A shuffled copy (Fisher-Yates). */
  public <T> List<T> shuffled(List<T> items) {
    List<T> out = new ArrayList<>(items);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      T t = out.get(i);
      out.set(i, out.get(j));
      out.set(j, t);
    }
    return out;
  }

  /** {@code k} distinct items in random order. */
  public <T> List<T> sample(List<T> items, int k) {
    return shuffled(items).subList(0, k);
  }

  /** {@code n} lowercase hex characters. */
  public String hex(int n) {
    StringBuilder sb = new StringBuilder(n);
    while (sb.length() < n) {
      String h = Long.toHexString(nextLong());
      sb.append("0".repeat(16 - h.length())).append(h);
    }
    return sb.substring(0, n);
  }
}
