package ai.alphacore.validation.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.validation.job.JobOutcome;
import ai.alphacore.validation.job.JobRecord;
import ai.alphacore.validation.job.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PostgresJobStoreTest extends JobStoreContract {
  private String url;

  @Override
  protected JobStore open() {
    url = PostgresSupport.freshSchemaUrl();
    return new PostgresJobStore(url, 4);
  }

  /** Two "hosts", eight workers, 300 jobs: SKIP LOCKED hands each job to exactly one worker. */
  @Test
  void twoHostsShareOneQueueWithoutDoubleClaims() throws Exception {
    int n = 300;
    for (int i = 0; i < n; i++) assertThat(store.enqueue(job(String.format("j%04d", i), t0), n)).isTrue();
    try (JobStore second = new PostgresJobStore(url, 4)) {
      Set<String> claimed = ConcurrentHashMap.newKeySet();
      List<String> dupes = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService ex = Executors.newFixedThreadPool(8);
      List<Future<Integer>> fs = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        JobStore s = w % 2 == 0 ? store : second;
        String node = w % 2 == 0 ? "host-a" : "host-b";
        fs.add(ex.submit(() -> {
          int mine = 0;
          while (true) {
            var j = s.claim(node, Instant.now());
            if (j.isEmpty()) return mine;
            if (!claimed.add(j.get().jobId())) dupes.add(j.get().jobId());
            assertThat(s.finish(j.get().jobId(), node, JobState.DONE, JobOutcome.PASSED, "{}", null, Instant.now())).isTrue();
            mine++;
          }
        }));
      }
      int total = 0;
      List<Integer> per = new ArrayList<>();
      for (Future<Integer> f : fs) {
        int c = f.get();
        per.add(c);
        total += c;
      }
      ex.shutdown();
      assertThat(dupes).isEmpty();
      assertThat(total).isEqualTo(n);
      assertThat(claimed).hasSize(n);
      assertThat(store.all(1000)).allSatisfy(j -> {
        assertThat(j.state()).isEqualTo(JobState.DONE);
        assertThat(j.attempts()).isEqualTo(1);
      });
      assertThat(store.all(1000).stream().map(JobRecord::nodeId).distinct()).containsExactlyInAnyOrder("host-a", "host-b");
    }
  }
}
