package ai.alphacore.validation.job;

import java.time.Clock;
import java.time.Instant;

/** When a run must stop. Checked between stages; long stages (sandbox) enforce it themselves. */
public record Deadline(Instant at, Clock clock) {
  /** Thrown when the run is out of time. */
  public static final class Exceeded extends RuntimeException {
    public Exceeded(String stage) {
      super("timed out before " + stage);
    }
  }

  public void check(String stage) {
    if (clock.instant().isAfter(at)) throw new Exceeded(stage);
  }

  public boolean passed() {
    return clock.instant().isAfter(at);
  }
}
