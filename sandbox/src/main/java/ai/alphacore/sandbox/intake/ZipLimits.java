package ai.alphacore.sandbox.intake;

/**
 * Limits applied while extracting a submission. {@link #REFERENCE} keeps the Python reference's
 * numbers (100 entries counting directories, 50 MiB) and adds what it lacked.
 *
 * @param maxEntries central-directory entries, directories included
 * @param maxTotalBytes extracted bytes, declared and actually decompressed
 * @param maxRatio decompressed / compressed bytes, per entry and per archive
 * @param ratioGraceBytes ratios are only judged past this many decompressed bytes (tiny files compress oddly)
 * @param maxArchiveBytes the ZIP file itself
 * @param rejectCaseCollisions refuse names that differ only by case (the reference keeps both)
 */
public record ZipLimits(
    int maxEntries,
    long maxTotalBytes,
    double maxRatio,
    long ratioGraceBytes,
    long maxArchiveBytes,
    int maxNameLength,
    int maxComponentLength,
    int maxDepth,
    boolean rejectCaseCollisions) {

  public static final long MIB = 1024L * 1024L;

  public static final ZipLimits REFERENCE =
      new ZipLimits(100, 50 * MIB, 100.0, MIB, 64 * MIB, 1024, 255, 32, true);

  public ZipLimits {
    if (maxEntries < 1 || maxTotalBytes < 1 || maxRatio < 1 || maxArchiveBytes < 1) {
      throw new IllegalArgumentException("zip limits must be positive");
    }
  }

  public ZipLimits withCaseCollisions(boolean reject) {
    return new ZipLimits(maxEntries, maxTotalBytes, maxRatio, ratioGraceBytes, maxArchiveBytes,
        maxNameLength, maxComponentLength, maxDepth, reject);
  }
}
