package ai.alphacore.bittensor.scale;

/** Mortal/immortal transaction era (sp-runtime {@code generic::Era}). */
public record Era(boolean immortal, long period, long phase) {
  public static final Era IMMORTAL = new Era(true, 0, 0);

  /** Mortal era for {@code current} with the period rounded up to a power of two in [4, 65536]. */
  public static Era mortal(long current, long requestedPeriod) {
    long p = Long.highestOneBit(Math.max(1, requestedPeriod - 1)) << 1;
    p = Math.max(4, Math.min(65536, p));
    long phase = current % p;
    long quantize = Math.max(1, p >> 12);
    return new Era(false, p, phase / quantize * quantize);
  }

  public byte[] encode() {
    if (immortal) return new byte[] {0};
    int tz = Long.numberOfTrailingZeros(period);
    int low = Math.min(15, Math.max(1, tz - 1));
    long quantize = Math.max(1, period >> 12);
    int v = low | (int) ((phase / quantize) << 4);
    return new byte[] {(byte) v, (byte) (v >> 8)};
  }

  /** The block whose hash is signed: {@code (current − phase)/period·period + phase}. */
  public long birth(long current) {
    if (immortal) return 0;
    return (Math.max(current, phase) - phase) / period * period + phase;
  }
}
