package ai.alphacore.sandbox;

/**
 * Stable codes for every way the sandbox module refuses a submission or fails itself. Never
 * rename: the Validation API publishes them (prefixed {@code ZIP_} or {@code LINT_}) to miners.
 */
public enum SandboxError {
  /** Not a ZIP, truncated, bad central directory, unreadable compressed data. */
  CORRUPT(Fault.MINER),
  /** Empty entry name. */
  EMPTY_NAME(Fault.MINER),
  /** Entry name is not valid UTF-8, or contains control characters. */
  BAD_NAME_ENCODING(Fault.MINER),
  /** Absolute path, or a {@code ..} component (the reference's "unsafe zip entry"). */
  UNSAFE_PATH(Fault.MINER),
  /** Resolved target leaves the workspace (defence in depth behind UNSAFE_PATH). */
  PATH_TRAVERSAL(Fault.MINER),
  /** Name or component too long. */
  NAME_TOO_LONG(Fault.MINER),
  SYMLINK(Fault.MINER),
  /** Device, FIFO or socket entry. */
  SPECIAL_FILE(Fault.MINER),
  DUPLICATE_NAME(Fault.MINER),
  /** Two names that differ only by case (or Unicode normalisation). */
  CASE_COLLISION(Fault.MINER),
  /** A file where another entry needs a directory, or the reverse. */
  PATH_CONFLICT(Fault.MINER),
  TOO_MANY_ENTRIES(Fault.MINER),
  /** Total extracted bytes over the limit, declared or actual. */
  TOO_LARGE(Fault.MINER),
  /** Expansion ratio over the limit: a zip bomb. */
  RATIO_EXCEEDED(Fault.MINER),
  /** Headers lie: actual size differs from the declared one, local and central headers disagree, entries overlap. */
  LYING_HEADER(Fault.MINER),
  CRC_MISMATCH(Fault.MINER),
  ENCRYPTED(Fault.MINER),
  /** Compression method other than stored or deflated. */
  UNSUPPORTED_METHOD(Fault.MINER),
  /** An archive inside the archive (zip, gzip, tar, 7z, ...). */
  NESTED_ARCHIVE(Fault.MINER),
  /** Terraform lint refused the configuration (details in the lint report). */
  LINT_REJECTED(Fault.MINER),
  /** Our own I/O failed (disk full, permissions): not the miner's fault. */
  IO(Fault.VALIDATOR);

  /** Whose fault the error is: the validator must never score a miner 0 for its own. */
  public enum Fault { MINER, VALIDATOR }

  private final Fault fault;

  SandboxError(Fault fault) {
    this.fault = fault;
  }

  public Fault fault() {
    return fault;
  }
}
