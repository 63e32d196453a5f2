package ai.alphacore.validation.job;

import java.util.Locale;

/** Where a job is. DONE means a full pass and FAILED anything else, as in the reference. */
public enum JobState {
  QUEUED, RUNNING, DONE, FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean finished() {
    return this == DONE || this == FAILED;
  }

  public static JobState parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
