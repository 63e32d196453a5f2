package ai.alphacore.validation.job;

import ai.alphacore.validation.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the files (zip, metadata, log) of jobs finished longer than {@code files} ago and the
 * rows of jobs finished longer than {@code rows} ago. Only paths inside the configured
 * directories are ever deleted.
 */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private final JobStore store;
  private final Clock clock;
  private final Duration files;
  private final Duration rows;
  private final Path submissionsDir;
  private final Path logDir;

  public record Report(int purged, int rowsDeleted) {}

  public Retention(JobStore store, Clock clock, Duration files, Duration rows, Path submissionsDir, Path logDir) {
    this.store = store;
    this.clock = clock;
    this.files = files;
    this.rows = rows;
    this.submissionsDir = submissionsDir;
    this.logDir = logDir;
  }

  public Report run() {
    Instant now = clock.instant();
    int purged = 0;
    while (true) {
      var batch = store.finishedBefore(now.minus(files), 500);
      if (batch.isEmpty()) break;
      for (JobRecord j : batch) {
        if (j.submissionPath() != null) {
          delete(Path.of(j.submissionPath()), submissionsDir);
          delete(Submissions.metaPath(Path.of(j.submissionPath())), submissionsDir);
        }
        if (j.logPath() != null) delete(Path.of(j.logPath()), logDir);
        store.markPurged(j.jobId(), now);
        purged++;
      }
    }
    int deleted = store.deleteFinishedBefore(now.minus(rows));
    if (purged > 0 || deleted > 0) LOG.info("retention: purged files of {} jobs, deleted {} job rows", purged, deleted);
    return new Report(purged, deleted);
  }

  private static void delete(Path p, Path root) {
    Path n = p.toAbsolutePath().normalize();
    if (!n.startsWith(root)) {
      LOG.warn("retention: refusing to delete {} outside {}", n, root);
      return;
    }
    try {
      Files.deleteIfExists(n);
    } catch (IOException e) {
      LOG.warn("retention: cannot delete {}: {}", n, e.getMessage());
    }
  }
}
