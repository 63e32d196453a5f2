package ai.alphacore.core.tfstate;

/**
 * Bounds on what the judge will read, so hostile input cannot exhaust memory or time.
 *
 * @param maxBytes largest document accepted
 * @param maxDepth deepest nesting of arrays and objects
 * @param maxStringLength longest string value, in chars
 * @param maxNumberLength longest number literal (Python's int parsing limit is 4300 digits)
 */
public record StateLimits(long maxBytes, int maxDepth, int maxStringLength, int maxNumberLength) {
  /** Defaults for state files: 1 GiB, depth 256, 64 Mi chars per string, 4300-digit numbers. */
  public static final StateLimits STATE = new StateLimits(1L << 30, 256, 64 << 20, 4300);

  /** Defaults for task files: 16 MiB, depth 64, 1 Mi chars per string. */
  public static final StateLimits TASK = new StateLimits(16L << 20, 64, 1 << 20, 4300);
}
