package ai.alphacore.validation.store;

import ai.alphacore.validation.job.JobOutcome;
import ai.alphacore.validation.job.JobRecord;
import ai.alphacore.validation.job.JobState;
import ai.alphacore.validation.job.NewJob;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable job records. Implementations: {@link SqliteJobStore} (one host, the default) and
 * {@link PostgresJobStore} (several hosts sharing one queue). Every method is atomic and safe to
 * call from many threads; failures surface as {@link ai.alphacore.validation.ValidationApiException}.
 */
public interface JobStore extends AutoCloseable {

  /** Inserts a queued job unless {@code maxQueued} jobs already wait. False means full: answer 429. */
  boolean enqueue(NewJob job, int maxQueued);

  /** Claims the oldest queued job for {@code nodeId}: state running, attempts + 1. */
  Optional<JobRecord> claim(String nodeId, Instant now);

  /** Records the end of a run. False when this node no longer owns the job (it was recovered). */
  boolean finish(String jobId, String nodeId, JobState state, JobOutcome outcome, String resultJson, String error, Instant now);

  /** Refreshes the lease on every job this node runs. */
  void heartbeat(String nodeId, Instant now);

  /**
   * Handles jobs whose runner died: running jobs owned by {@code nodeId}, or whose lease is older
   * than {@code staleBefore}. Those with attempts left go back to the queue (interruptions + 1);
   * the others fail with {@code failedResultJson}.
   */
  List<Recovered> recover(String nodeId, Instant staleBefore, int maxAttempts, String failedResultJson, Instant now);

  record Recovered(String jobId, boolean requeued, int attempts) {}

  Optional<JobRecord> find(String jobId);

  /** Queued and running jobs, oldest first. */
  List<JobRecord> active(int limit);

  /** Jobs of a task, oldest first. */
  List<JobRecord> byTask(String taskId, int limit);

  int count(JobState state);

  /** Finished jobs whose files were not purged yet and that finished before {@code cutoff}. */
  List<JobRecord> finishedBefore(Instant cutoff, int limit);

  void markPurged(String jobId, Instant now);

  /** Deletes rows of jobs finished before {@code cutoff}; returns how many. */
  int deleteFinishedBefore(Instant cutoff);

  /** All job ids with their attempts, for consistency checks (tests, benchmark). */
  List<JobRecord> all(int limit);

  @Override
  void close();
}
