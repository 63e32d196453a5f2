package ai.alphacore.validation.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.validation.job.JobOutcome;
import ai.alphacore.validation.job.JobRecord;
import ai.alphacore.validation.job.JobState;
import ai.alphacore.validation.job.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every JobStore must do; run against SQLite and a real PostgreSQL. */
abstract class JobStoreContract {
  protected JobStore store;
  protected final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);

  protected abstract JobStore open();

  @BeforeEach
  void setUp() {
    store = open();
  }

  @AfterEach
  void tearDown() {
    if (store != null) store.close(); // null when open() was aborted (PostgreSQL unavailable outside CI)
  }

  static NewJob job(String id, Instant at) {
    return new NewJob(id, "req" + id, "task-1", "7", 30, "{\"task_id\":\"task-1\"}", "/a/b.zip", "/s/" + id + ".zip",
        "ab".repeat(32), 123, "/l/" + id + ".log", at);
  }

  @Test
  void enqueueRespectsTheBoundAndClaimsInOrder() {
    assertThat(store.enqueue(job("a", t0), 2)).isTrue();
    assertThat(store.enqueue(job("b", t0), 2)).isTrue();
    assertThat(store.enqueue(job("c", t0), 2)).isFalse();
    assertThat(store.find("c")).isEmpty();
    assertThat(store.count(JobState.QUEUED)).isEqualTo(2);
    JobRecord a = store.claim("n1", t0.plusSeconds(1)).orElseThrow();
    assertThat(a.jobId()).isEqualTo("a");
    assertThat(a.state()).isEqualTo(JobState.RUNNING);
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(a.nodeId()).isEqualTo("n1");
    assertThat(a.startedAt()).isEqualTo(t0.plusSeconds(1));
    assertThat(a.queuedAt()).isEqualTo(t0);
    assertThat(store.claim("n1", t0).orElseThrow().jobId()).isEqualTo("b");
    assertThat(store.claim("n1", t0)).isEmpty();
    assertThat(store.active(10)).extracting(JobRecord::jobId).containsExactly("a", "b");
  }

  @Test
  void finishOnlyByTheOwner() {
    store.enqueue(job("a", t0), 10);
    store.claim("n1", t0);
    assertThat(store.finish("a", "n2", JobState.DONE, JobOutcome.PASSED, "{}", null, t0)).isFalse();
    assertThat(store.finish("a", "n1", JobState.DONE, JobOutcome.PASSED, "{\"score\":1.0}", null, t0.plusSeconds(2))).isTrue();
    JobRecord r = store.find("a").orElseThrow();
    assertThat(r.state()).isEqualTo(JobState.DONE);
    assertThat(r.outcome()).isEqualTo(JobOutcome.PASSED);
    assertThat(r.resultJson()).isEqualTo("{\"score\":1.0}");
    assertThat(r.finishedAt()).isEqualTo(t0.plusSeconds(2));
    assertThat(store.finish("a", "n1", JobState.FAILED, JobOutcome.INFRA_ERROR, "{}", null, t0)).as("finished once").isFalse();
    assertThat(store.byTask("task-1", 10)).hasSize(1);
  }

  @Test
  void recoveryRequeuesOnceThenFails() {
    store.enqueue(job("a", t0), 10);
    store.claim("n1", t0);
    List<JobStore.Recovered> r1 = store.recover("n1", t0, 2, "{\"outcome\":\"infra_error\"}", t0);
    assertThat(r1).containsExactly(new JobStore.Recovered("a", true, 1));
    JobRecord q = store.find("a").orElseThrow();
    assertThat(q.state()).isEqualTo(JobState.QUEUED);
    assertThat(q.interruptions()).isEqualTo(1);
    assertThat(q.nodeId()).isNull();
    assertThat(store.claim("n1", t0).orElseThrow().attempts()).isEqualTo(2);
    List<JobStore.Recovered> r2 = store.recover("n1", t0, 2, "{\"outcome\":\"infra_error\"}", t0.plusSeconds(5));
    assertThat(r2).containsExactly(new JobStore.Recovered("a", false, 2));
    JobRecord f = store.find("a").orElseThrow();
    assertThat(f.state()).isEqualTo(JobState.FAILED);
    assertThat(f.outcome()).isEqualTo(JobOutcome.INFRA_ERROR);
    assertThat(f.interruptions()).isEqualTo(2);
    assertThat(f.resultJson()).contains("infra_error");
  }

  @Test
  void recoveryLeavesOtherNodesLiveJobsAlone() {
    store.enqueue(job("a", t0), 10);
    store.claim("other", t0);
    store.heartbeat("other", t0.plusSeconds(30));
    assertThat(store.recover("me", t0.plusSeconds(10), 2, "{}", t0)).isEmpty();
    assertThat(store.recover("me", t0.plusSeconds(31), 2, "{}", t0)).hasSize(1);
  }

  @Test
  void retentionQueries() {
    store.enqueue(job("old", t0), 10);
    store.enqueue(job("new", t0), 10);
    store.claim("n", t0);
    store.claim("n", t0);
    store.finish("old", "n", JobState.DONE, JobOutcome.PASSED, "{}", null, t0);
    store.finish("new", "n", JobState.DONE, JobOutcome.PASSED, "{}", null, t0.plus(Duration.ofDays(10)));
    assertThat(store.finishedBefore(t0.plusSeconds(1), 10)).extracting(JobRecord::jobId).containsExactly("old");
    store.markPurged("old", t0);
    assertThat(store.finishedBefore(t0.plusSeconds(1), 10)).isEmpty();
    assertThat(store.find("old").orElseThrow().purgedAt()).isNotNull();
    assertThat(store.deleteFinishedBefore(t0.plusSeconds(1))).isEqualTo(1);
    assertThat(store.all(10)).extracting(JobRecord::jobId).containsExactly("new");
  }
}
