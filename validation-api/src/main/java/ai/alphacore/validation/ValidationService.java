package ai.alphacore.validation;

import ai.alphacore.core.judge.Judge;
import ai.alphacore.sandbox.intake.SafeZipExtractor;
import ai.alphacore.sandbox.intake.ZipLimits;
import ai.alphacore.sandbox.lint.LintPolicy;
import ai.alphacore.sandbox.lint.TerraformLinter;
import ai.alphacore.validation.http.ApiServer;
import ai.alphacore.validation.http.Submit;
import ai.alphacore.validation.job.JobLog;
import ai.alphacore.validation.job.JobOutcome;
import ai.alphacore.validation.job.JobResult;
import ai.alphacore.validation.job.JobRunner;
import ai.alphacore.validation.job.Redactor;
import ai.alphacore.validation.job.Retention;
import ai.alphacore.validation.job.Submissions;
import ai.alphacore.validation.job.JobState;
import ai.alphacore.validation.metrics.ApiMetrics;
import ai.alphacore.validation.queue.WorkerPool;
import ai.alphacore.validation.store.JobStore;
import ai.alphacore.validation.store.JobStores;
import ai.alphacore.validation.verification.Verification;
import ai.alphacore.validation.verification.Verifications;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Validation API process: binds HTTP first (answering 503), then opens the store, recovers
 * jobs a crash left running, starts the workers and the retention schedule, and turns ready.
 */
public final class ValidationService implements AutoCloseable, ApiServer.Backend {
  private static final Logger LOG = LoggerFactory.getLogger(ValidationService.class);
  private final ApiConfig cfg;
  private final Clock clock;
  private final Verification verification;
  private final Redactor redactor;
  private final ApiMetrics metrics;
  private final ApiServer http;
  private volatile JobStore store;
  private volatile WorkerPool pool;
  private volatile Submit submit;
  private volatile boolean ready;
  private ScheduledExecutorService scheduler;
  private Retention retention;

  public ValidationService(ApiConfig cfg, Clock clock) {
    this(cfg, clock, Verifications.byName(cfg.verification()));
  }

  /** With a verification of the caller's (tests; later the sandbox and cloud modules). */
  public ValidationService(ApiConfig cfg, Clock clock, Verification verification) {
    this.cfg = cfg;
    this.clock = clock;
    this.verification = verification;
    this.redactor = new Redactor(cfg.token() == null ? List.of() : List.of(cfg.token().strip()));
    this.metrics = new ApiMetrics(() -> ready ? store.count(JobState.QUEUED) : 0, () -> pool == null ? 0 : pool.running());
    this.http = new ApiServer(cfg, clock, metrics, this);
  }

  public static ValidationService start(ApiConfig cfg) {
    ValidationService s = new ValidationService(cfg, Clock.systemUTC());
    try {
      s.bind();
      s.initialize();
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** Starts listening; every endpoint but /health, /openapi.json and /metrics answers 503 until {@link #initialize}. */
  public ValidationService bind() {
    http.start();
    LOG.info("validation API listening on {}:{} ({})", cfg.host(), http.port(), cfg);
    if (verification.trustsMinerState()) {
      LOG.warn("verification '{}' judges the miner's terraform.tfstate as given: it trusts the miner", verification.name());
    }
    return this;
  }

  public ValidationService initialize() {
    try {
      Files.createDirectories(cfg.logDir());
      Submissions subs = new Submissions(cfg.submissionsDir(), cfg.fullSync(), cfg.maxUploadBytes());
      store = JobStores.open(cfg.dbUrl(), cfg.dataDir(), cfg.fullSync(), cfg.workers() + 8);
      recover(true);
      JobRunner runner = new JobRunner(new SafeZipExtractor(ZipLimits.REFERENCE), new TerraformLinter(LintPolicy.DEFAULT),
          verification, Judge.of(cfg.judgeMode()), cfg.dataDir().resolve("scratch"),
          (stage, outcome, took) -> metrics.stage(verification.name(), stage, outcome, took));
      boolean shared = cfg.dbUrl() != null && cfg.dbUrl().startsWith("jdbc:postgresql:");
      pool = new WorkerPool(store, runner, metrics, redactor, clock, cfg.nodeId(), cfg.workers(),
          shared ? Duration.ofMillis(250) : Duration.ofSeconds(1));
      submit = new Submit(cfg, clock, metrics, store, pool, subs);
      retention = new Retention(store, clock, cfg.retention(), cfg.rowRetention(), cfg.submissionsDir(), cfg.logDir());
      pool.start();
      scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("validation-scheduler").daemon(true).unstarted(r));
      long hb = Math.max(1, cfg.lease().toSeconds() / 4);
      scheduler.scheduleWithFixedDelay(() -> guarded("heartbeat", () -> store.heartbeat(cfg.nodeId(), clock.instant())), hb, hb, TimeUnit.SECONDS);
      if (shared) {
        long reap = Math.max(1, cfg.lease().toSeconds() / 2);
        scheduler.scheduleWithFixedDelay(() -> guarded("reaper", () -> recover(false)), reap, reap, TimeUnit.SECONDS);
      }
      long ri = Math.max(1, cfg.retentionInterval().toSeconds());
      scheduler.scheduleWithFixedDelay(() -> guarded("retention", retention::run), ri, ri, TimeUnit.SECONDS);
      ready = true;
      LOG.info("validation API ready: node {}, {} workers, queue bound {}", cfg.nodeId(), cfg.workers(), cfg.queueSize());
      return this;
    } catch (IOException e) {
      throw new ValidationApiException(ValidationApiException.Code.STORE_UNAVAILABLE, "cannot prepare " + cfg.dataDir() + ": " + e.getMessage(), e);
    }
  }

  private void guarded(String what, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.error("{} failed", what, e);
    }
  }

  /**
   * Requeues (once) or fails jobs left running by a dead process. At startup with SQLite every
   * running job is orphaned (one process owns the file); with PostgreSQL, this node's own jobs
   * and any whose lease expired.
   */
  private void recover(boolean startup) {
    boolean shared = cfg.dbUrl() != null && cfg.dbUrl().startsWith("jdbc:postgresql:");
    Instant now = clock.instant();
    Instant staleBefore = startup && !shared ? now.plusSeconds(1) : now.minus(cfg.lease());
    String failed = JobResult.error(JobOutcome.INFRA_ERROR, "INTERRUPTED",
        "job was interrupted " + cfg.maxAttempts() + " times (the service stopped while it ran); not retried again",
        "Resubmit; this is the validator's fault, not the miner's.").toJson().toString();
    for (JobStore.Recovered r : store.recover(startup ? cfg.nodeId() : "\u0000none", staleBefore, cfg.maxAttempts(), failed, now)) {
      metrics.interrupted(r.requeued());
      String msg = r.requeued()
          ? "interrupted: the service stopped during attempt " + r.attempts() + "; re-queued for retry " + r.attempts() + "/" + (cfg.maxAttempts() - 1)
          : "interrupted: the service stopped during attempt " + r.attempts() + "; no attempts left, marked failed (infra_error)";
      LOG.warn("job {}: {}", r.jobId(), msg);
      store.find(r.jobId()).ifPresent(j -> {
        if (j.logPath() == null) return;
        try (JobLog log = JobLog.open(Path.of(j.logPath()), redactor, clock)) {
          log.line(msg);
        } catch (IOException e) {
          LOG.warn("cannot append to the log of job {}", r.jobId());
        }
      });
    }
  }

  public int port() {
    return http.port();
  }

  public ApiConfig config() {
    return cfg;
  }

  public Retention retention() {
    return retention;
  }

  @Override
  public boolean ready() {
    return ready;
  }

  @Override
  public JobStore store() {
    return store;
  }

  @Override
  public WorkerPool pool() {
    return pool;
  }

  @Override
  public Verification verification() {
    return verification;
  }

  @Override
  public Submit submit() {
    return submit;
  }

  @Override
  public void close() {
    ready = false;
    if (scheduler != null) scheduler.shutdownNow();
    http.close();
    if (pool != null) pool.close();
    if (store != null) store.close();
  }
}
