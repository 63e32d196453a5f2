package ai.alphacore.validation.verification;

import java.time.Duration;

/** Where a job's stage timings go (the service's Prometheus registry); outcome is ok, failed or skipped. */
@FunctionalInterface
public interface StageSink {
  StageSink NONE = (stage, outcome, took) -> {};

  void record(String stage, String outcome, Duration took);
}
