package ai.alphacore.validation.store;

import ai.alphacore.validation.ValidationApiException;
import ai.alphacore.validation.job.JobRecord;
import ai.alphacore.validation.job.NewJob;
import ai.alphacore.validation.job.Timestamps;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;

/**
 * PostgreSQL, for several API hosts sharing one queue: workers claim with
 * {@code FOR UPDATE SKIP LOCKED}, so a job goes to exactly one host and adding a host adds
 * capacity. Admission takes a transaction-scoped advisory lock so the queue bound holds across
 * hosts.
 */
public final class PostgresJobStore extends JdbcJobStore {
  private static final long ADMISSION_LOCK = 0x41435f5141L; // "AC_QA"
  private final String url;
  private final BlockingQueue<Connection> pool;

  public PostgresJobStore(String url, int poolSize) {
    this.url = url;
    this.pool = new ArrayBlockingQueue<>(poolSize);
    try {
      Flyway.configure().dataSource(url, null, null).locations("classpath:db/postgresql").load().migrate();
      for (int i = 0; i < poolSize; i++) pool.add(open());
    } catch (Exception e) {
      close();
      throw new ValidationApiException(ValidationApiException.Code.STORE_UNAVAILABLE,
          "cannot open the PostgreSQL job store: " + redactUrl(e.getMessage()), e);
    }
  }

  /** JDBC URLs may carry a password; never echo one. */
  static String redactUrl(String s) {
    return s == null ? null : s.replaceAll("(?i)(password=)[^&\\s]*", "$1***");
  }

  private Connection open() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @Override
  <T> T with(Sql<T> sql) {
    Connection c;
    try {
      c = pool.poll(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ValidationApiException(ValidationApiException.Code.STORE_FAILED, "interrupted waiting for a connection");
    }
    if (c == null) throw new ValidationApiException(ValidationApiException.Code.STORE_FAILED, "no free database connection in 30 s");
    boolean broken = false;
    try {
      if (!c.getAutoCommit()) c.setAutoCommit(true);
      return sql.run(c);
    } catch (SQLException e) {
      broken = e.getSQLState() != null && e.getSQLState().startsWith("08");
      throw failed("postgresql", e);
    } finally {
      if (broken) {
        try {
          c.close();
          c = open();
        } catch (SQLException ignored) {
          // the next use fails again and reports it
        }
      }
      pool.add(c);
    }
  }

  private static <T> T tx(Connection c, Sql<T> body) throws SQLException {
    c.setAutoCommit(false);
    try {
      T r = body.run(c);
      c.commit();
      return r;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  @Override
  public boolean enqueue(NewJob job, int maxQueued) {
    return with(c -> tx(c, t -> {
      try (Statement s = t.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(" + ADMISSION_LOCK + ")");
      }
      if (countQueued(t) >= maxQueued) return false;
      insert(t, job);
      return true;
    }));
  }

  @Override
  public Optional<JobRecord> claim(String nodeId, Instant now) {
    return with(c -> {
      long t = Timestamps.micros(now);
      try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET state = 'running', attempts = attempts + 1, "
          + "node_id = ?, started_at = ?, heartbeat_at = ? WHERE seq = (SELECT seq FROM jobs WHERE state = 'queued' "
          + "ORDER BY seq FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING " + COLUMNS)) {
        ps.setString(1, nodeId);
        ps.setLong(2, t);
        ps.setLong(3, t);
        return rows(ps).stream().findFirst();
      }
    });
  }

  @Override
  public List<Recovered> recover(String nodeId, Instant staleBefore, int maxAttempts, String failedResultJson, Instant now) {
    return with(c -> tx(c, t -> {
      List<JobRecord> running;
      try (PreparedStatement ps = t.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE state = 'running' "
          + "AND (node_id = ? OR heartbeat_at IS NULL OR heartbeat_at < ?) ORDER BY seq FOR UPDATE SKIP LOCKED")) {
        ps.setString(1, nodeId);
        ps.setLong(2, Timestamps.micros(staleBefore));
        running = rows(ps);
      }
      return recoverIn(t, running, maxAttempts, failedResultJson, now);
    }));
  }

  @Override
  public void close() {
    Connection c;
    while ((c = pool.poll()) != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }
}
