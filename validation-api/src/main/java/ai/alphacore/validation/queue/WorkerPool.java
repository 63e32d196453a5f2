package ai.alphacore.validation.queue;

import ai.alphacore.validation.job.Deadline;
import ai.alphacore.validation.job.JobLog;
import ai.alphacore.validation.job.JobOutcome;
import ai.alphacore.validation.job.JobRecord;
import ai.alphacore.validation.job.JobResult;
import ai.alphacore.validation.job.JobRunner;
import ai.alphacore.validation.job.Redactor;
import ai.alphacore.validation.metrics.ApiMetrics;
import ai.alphacore.validation.store.JobStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads that claim jobs from the shared {@link JobStore}, run them and record results.
 * The queue itself lives in the store, so jobs survive a crash and other hosts' workers (with
 * PostgreSQL) drain the same queue.
 */
public final class WorkerPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
  private final JobStore store;
  private final JobRunner runner;
  private final ApiMetrics metrics;
  private final Redactor redactor;
  private final Clock clock;
  private final String nodeId;
  private final int workers;
  private final Duration poll;
  private final Semaphore wake = new Semaphore(0);
  private final Map<String, CompletableFuture<JobRecord>> waiters = new ConcurrentHashMap<>();
  private final AtomicInteger running = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopping;
  /** Mean run time (EWMA, nanoseconds), for Retry-After. */
  private volatile double meanRunNanos = 1e9;

  public WorkerPool(JobStore store, JobRunner runner, ApiMetrics metrics, Redactor redactor, Clock clock, String nodeId,
      int workers, Duration poll) {
    this.store = store;
    this.runner = runner;
    this.metrics = metrics;
    this.redactor = redactor;
    this.clock = clock;
    this.nodeId = nodeId;
    this.workers = workers;
    this.poll = poll;
  }

  public void start() {
    for (int i = 0; i < workers; i++) {
      Thread t = Thread.ofPlatform().name("validation-worker-" + i).daemon(true).start(this::loop);
      threads.add(t);
    }
  }

  /** Tells an idle worker there is work (local enqueue); remote enqueues are found by polling. */
  public void wake() {
    if (wake.availablePermits() < workers) wake.release();
  }

  public int running() {
    return running.get();
  }

  public int workers() {
    return workers;
  }

  /** Seconds until a slot is likely free with {@code queued} jobs ahead: the Retry-After value. */
  public long retryAfterSeconds(int queued) {
    double s = (queued + 1) * meanRunNanos / 1e9 / workers;
    return Math.max(1, Math.min(300, (long) Math.ceil(s)));
  }

  /** Completes when this node finishes the job; register before enqueueing to miss nothing. */
  public CompletableFuture<JobRecord> watch(String jobId) {
    return waiters.computeIfAbsent(jobId, k -> new CompletableFuture<>());
  }

  public void unwatch(String jobId) {
    waiters.remove(jobId);
  }

  /** Waits for a job to finish here or on another host; empty on timeout. */
  public Optional<JobRecord> await(String jobId, CompletableFuture<JobRecord> local, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = end - System.nanoTime();
        if (left <= 0) return Optional.empty();
        try {
          return Optional.of(local.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)), TimeUnit.NANOSECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
          Optional<JobRecord> r = store.find(jobId);
          if (r.isPresent() && r.get().state().finished()) return r;
        } catch (java.util.concurrent.ExecutionException e) {
          return store.find(jobId);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    } finally {
      unwatch(jobId);
    }
  }

  private void loop() {
    while (!stopping) {
      Optional<JobRecord> job;
      try {
        job = store.claim(nodeId, clock.instant());
      } catch (RuntimeException e) {
        LOG.error("claiming a job failed; retrying", e);
        sleep(poll);
        continue;
      }
      if (job.isEmpty()) {
        try {
          if (wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS)) wake.drainPermits();
        } catch (InterruptedException e) {
          return;
        }
        continue;
      }
      execute(job.get());
    }
  }

  private void execute(JobRecord job) {
    running.incrementAndGet();
    Instant started = clock.instant();
    JobResult result;
    try (JobLog log = openLog(job)) {
      log.line("started attempt " + job.attempts() + " on node " + nodeId + " after " + Duration.between(job.queuedAt(), started).toMillis()
          + " ms in queue" + (job.interruptions() > 0 ? " (retry: the previous attempt was interrupted by a crash or restart)" : ""));
      result = runner.run(job, log, new Deadline(started.plusSeconds(job.timeoutS()), clock));
      Instant done = clock.instant();
      ObjectNode json = result.toJson();
      json.put("queue_wait_ms", Duration.between(job.queuedAt(), started).toMillis());
      json.put("run_ms", Duration.between(started, done).toMillis());
      if (job.interruptions() > 0) json.put("interruptions", job.interruptions());
      boolean owned = store.finish(job.jobId(), nodeId, result.state(), result.outcome(), json.toString(),
          result.outcome().fault() == JobOutcome.Fault.VALIDATOR ? redactor.apply(result.errorMessage()) : null, done);
      log.line("finished: status=" + result.state().wire() + " outcome=" + result.outcome().wire() + " score=" + result.score()
          + (owned ? "" : " (not recorded: this node lost the job's lease and another run owns it)"));
      long ran = Duration.between(started, done).toNanos();
      meanRunNanos = meanRunNanos * 0.9 + ran * 0.1;
      metrics.finished(result.outcome(), Duration.between(job.queuedAt(), started), Duration.ofNanos(ran));
    } catch (RuntimeException | Error e) {
      LOG.error("job {} failed outside the runner", job.jobId(), e);
      try {
        String json = JobResult.error(JobOutcome.INFRA_ERROR, "INTERNAL", "worker failure: " + e.getClass().getSimpleName(), null)
            .toJson().toString();
        store.finish(job.jobId(), nodeId, ai.alphacore.validation.job.JobState.FAILED, JobOutcome.INFRA_ERROR, json, "worker failure", clock.instant());
      } catch (RuntimeException again) {
        LOG.error("cannot record the failure of job {}; it is recovered at restart", job.jobId(), again);
      }
      if (e instanceof VirtualMachineError vme) throw vme;
    } finally {
      running.decrementAndGet();
      CompletableFuture<JobRecord> w = waiters.remove(job.jobId());
      if (w != null) {
        try {
          store.find(job.jobId()).ifPresentOrElse(w::complete, () -> w.completeExceptionally(new IllegalStateException("job vanished")));
        } catch (RuntimeException e) {
          w.completeExceptionally(e);
        }
      }
    }
  }

  private JobLog openLog(JobRecord job) {
    try {
      return JobLog.open(Path.of(job.logPath()), redactor, clock);
    } catch (IOException e) {
      LOG.warn("cannot open the log of job {}: {}", job.jobId(), e.getMessage());
      return JobLog.discard();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops claiming; waits up to {@code grace} for running jobs (the rest are recovered at restart). */
  public void stop(Duration grace) {
    stopping = true;
    wake.release(workers);
    long end = System.nanoTime() + grace.toNanos();
    for (Thread t : threads) {
      try {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}
