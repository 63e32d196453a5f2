package ai.alphacore.validation.store;

import ai.alphacore.validation.ValidationApiException;
import ai.alphacore.validation.job.JobRecord;
import ai.alphacore.validation.job.NewJob;
import ai.alphacore.validation.job.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;

/**
 * One SQLite file in WAL mode behind one connection and one lock: SQLite has a single writer
 * anyway, and a held lock makes admission (count then insert) and claiming exact.
 */
public final class SqliteJobStore extends JdbcJobStore {
  private final Connection conn;
  private final ReentrantLock lock = new ReentrantLock();

  /** @param fullSync fsync every commit (survives power loss), not only a process crash */
  public SqliteJobStore(Path file, boolean fullSync) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Flyway.configure().dataSource(url, null, null).locations("classpath:db/sqlite").load().migrate();
      conn = DriverManager.getConnection(url);
      try (Statement s = conn.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=" + (fullSync ? "FULL" : "NORMAL"));
        s.execute("PRAGMA busy_timeout=10000");
      }
    } catch (Exception e) {
      throw new ValidationApiException(ValidationApiException.Code.STORE_UNAVAILABLE,
          "cannot open the SQLite job store " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  <T> T with(Sql<T> sql) {
    lock.lock();
    try {
      return sql.run(conn);
    } catch (SQLException e) {
      throw failed("sqlite", e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean enqueue(NewJob job, int maxQueued) {
    return with(c -> {
      if (countQueued(c) >= maxQueued) return false;
      insert(c, job);
      return true;
    });
  }

  @Override
  public Optional<JobRecord> claim(String nodeId, Instant now) {
    return with(c -> {
      Optional<JobRecord> next;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM jobs WHERE state = 'queued' ORDER BY seq LIMIT 1")) {
        next = rows(ps).stream().findFirst();
      }
      if (next.isEmpty()) return next;
      JobRecord j = next.get();
      long t = Timestamps.micros(now);
      try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET state = 'running', attempts = attempts + 1, "
          + "node_id = ?, started_at = ?, heartbeat_at = ? WHERE job_id = ?")) {
        ps.setString(1, nodeId);
        ps.setLong(2, t);
        ps.setLong(3, t);
        ps.setString(4, j.jobId());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE job_id = ?")) {
        ps.setString(1, j.jobId());
        return rows(ps).stream().findFirst();
      }
    });
  }

  @Override
  public List<Recovered> recover(String nodeId, Instant staleBefore, int maxAttempts, String failedResultJson, Instant now) {
    return with(c -> {
      List<JobRecord> running;
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE state = 'running' "
          + "AND (node_id = ? OR heartbeat_at IS NULL OR heartbeat_at < ?) ORDER BY seq")) {
        ps.setString(1, nodeId);
        ps.setLong(2, Timestamps.micros(staleBefore));
        running = rows(ps);
      }
      c.setAutoCommit(false);
      try {
        List<Recovered> r = recoverIn(c, running, maxAttempts, failedResultJson, now);
        c.commit();
        return r;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    });
  }

  @Override
  public void close() {
    lock.lock();
    try {
      conn.close();
    } catch (SQLException e) {
      throw failed("close", e);
    } finally {
      lock.unlock();
    }
  }
}
