package ai.alphacore.validation.job;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The reference's timestamps: Python's {@code datetime.utcnow().isoformat()}, naive UTC with
 * microseconds, which are omitted when zero.
 */
public final class Timestamps {
  private Timestamps() {}

  public static String iso(Instant t) {
    if (t == null) return null;
    LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    String base = String.format("%04d-%02d-%02dT%02d:%02d:%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
        d.getHour(), d.getMinute(), d.getSecond());
    int micros = d.getNano() / 1000;
    return micros == 0 ? base : base + String.format(".%06d", micros);
  }

  public static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }

  public static Instant fromMicros(long m) {
    return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L);
  }
}
