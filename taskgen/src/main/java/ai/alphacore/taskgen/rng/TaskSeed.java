package ai.alphacore.taskgen.rng;

import java.util.Locale;

/**
 * Identity of one generated task: the 64-bit seed everything derives from, plus the variant key
 * (empty for the base task, the miner hotkey for a per-miner variant). Structure (family,
 * optional templates, regions, sizes) depends on {@link #seed} only, so every miner gets an
 * equally hard task; names, ids and tokens depend on both.
 */
public record TaskSeed(long seed, String variant) {
  public TaskSeed {
    variant = variant == null ? "" : variant;
  }

  public static TaskSeed base(long seed) {
    return new TaskSeed(seed, "");
  }

  /** The i-th task of a run started with {@code runSeed}. */
  public static TaskSeed ofRun(long runSeed, int index) {
    return base(Rng.hash("run", runSeed, index));
  }

  public TaskSeed forMiner(String hotkey) {
    return new TaskSeed(seed, hotkey);
  }

  public boolean isVariant() {
    return !variant.isEmpty();
  }

  public String seedHex() {
    return String.format(Locale.ROOT, "%016x", seed);
  }

  /** Stream for structural choices: same for every miner. */
  public Rng structure(Object... parts) {
    return Rng.of(prepend(new Object[] {"s", seedHex()}, parts));
  }

  /** Stream for names, ids and tokens: different per miner. */
  public Rng naming(Object... parts) {
    return Rng.of(prepend(new Object[] {"n", seedHex(), variant}, parts));
  }

  /** A uuid4-shaped task id derived from the naming stream. */
  public String taskId() {
    Rng r = naming("task-id");
    String h = r.hex(32);
    char variantNibble = "89ab".charAt(Character.digit(h.charAt(16), 16) & 3);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variantNibble
        + h.substring(17, 20) + "-" + h.substring(20, 32);
  }

  /** 16 lowercase hex characters, like the reference's 8-byte nonce. */
  public String nonce() {
    return naming("nonce").hex(16);
  }

  private static Object[] prepend(Object[] head, Object[] tail) {
    Object[] all = new Object[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
