package ai.alphacore.validation.metrics;

import ai.alphacore.validation.job.JobOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** The service's Prometheus metrics, all prefixed alphacore_validation_. */
public final class ApiMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<JobOutcome, Counter> jobs = new EnumMap<>(JobOutcome.class);
  private final Timer queueWait;
  private final Timer run;

  public ApiMetrics(Supplier<Number> queued, Supplier<Number> running) {
    for (JobOutcome o : JobOutcome.values()) {
      jobs.put(o, Counter.builder("alphacore_validation_jobs").description("finished jobs by outcome")
          .tag("outcome", o.wire()).tag("fault", o.fault().wire()).register(registry));
    }
    Gauge.builder("alphacore_validation_queue_depth", queued).description("jobs waiting in the queue").register(registry);
    Gauge.builder("alphacore_validation_running", running).description("jobs running on this node").register(registry);
    queueWait = Timer.builder("alphacore_validation_queue_wait").description("time from enqueue to start")
        .publishPercentiles(0.5, 0.99).register(registry);
    run = Timer.builder("alphacore_validation_run").description("time from start to result")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  public void finished(JobOutcome o, Duration waited, Duration ran) {
    jobs.get(o).increment();
    queueWait.record(waited);
    run.record(ran);
  }

  /** One stage of a job: intake, lint, or a verification's own (a sandbox's init, refresh, judge). */
  public void stage(String verification, String stage, String outcome, Duration took) {
    Timer.builder("alphacore_validation_stage").description("time of one job stage by outcome").tag("verification", verification)
        .tag("stage", stage).tag("outcome", outcome).publishPercentiles(0.5, 0.99).register(registry).record(took);
  }

  public void rejected(String reason) {
    Counter.builder("alphacore_validation_rejected").tag("reason", reason).register(registry).increment();
  }

  public void interrupted(boolean requeued) {
    Counter.builder("alphacore_validation_interrupted").tag("action", requeued ? "requeued" : "failed").register(registry).increment();
  }

  public void http(String method, String route, int status, long nanos) {
    Timer.builder("alphacore_validation_http_requests").tag("method", method).tag("route", route)
        .tag("status", Integer.toString(status)).register(registry).record(Duration.ofNanos(nanos));
  }

  public String scrape() {
    return registry.scrape();
  }
}
