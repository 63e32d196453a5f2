package ai.alphacore.validation.store;

import ai.alphacore.validation.ValidationApiException;
import ai.alphacore.validation.job.JobOutcome;
import ai.alphacore.validation.job.JobRecord;
import ai.alphacore.validation.job.JobState;
import ai.alphacore.validation.job.NewJob;
import ai.alphacore.validation.job.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL both databases share; the subclasses supply connections, claiming and admission. */
abstract class JdbcJobStore implements JobStore {
  static final String COLUMNS = "job_id, request_id, task_id, miner_uid, state, outcome, attempts, interruptions, timeout_s, "
      + "task_json, original_path, submission_path, submission_sha256, submission_bytes, log_path, result_json, error, "
      + "node_id, queued_at, started_at, finished_at, purged_at";

  @FunctionalInterface
  interface Sql<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code sql} on a connection this store owns, mapping failures to one error type. */
  abstract <T> T with(Sql<T> sql);

  static ValidationApiException failed(String what, SQLException e) {
    return new ValidationApiException(ValidationApiException.Code.STORE_FAILED, "job store: " + what + ": " + e.getMessage(), e);
  }

  static void insert(Connection c, NewJob j) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (job_id, request_id, task_id, miner_uid, state, "
        + "attempts, interruptions, timeout_s, task_json, original_path, submission_path, submission_sha256, "
        + "submission_bytes, log_path, queued_at) VALUES (?, ?, ?, ?, 'queued', 0, 0, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, j.jobId());
      ps.setString(2, j.requestId());
      ps.setString(3, j.taskId());
      ps.setString(4, j.minerUid());
      ps.setInt(5, j.timeoutS());
      ps.setString(6, j.taskJson());
      ps.setString(7, j.originalPath());
      ps.setString(8, j.submissionPath());
      ps.setString(9, j.submissionSha256());
      ps.setLong(10, j.submissionBytes());
      ps.setString(11, j.logPath());
      ps.setLong(12, Timestamps.micros(j.queuedAt()));
      ps.executeUpdate();
    }
  }

  static int countQueued(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM jobs WHERE state = 'queued'");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static JobRecord row(ResultSet rs) throws SQLException {
    String outcome = rs.getString("outcome");
    return new JobRecord(rs.getString("job_id"), rs.getString("request_id"), rs.getString("task_id"),
        rs.getString("miner_uid"), JobState.parse(rs.getString("state")), outcome == null ? null : JobOutcome.parse(outcome),
        rs.getInt("attempts"), rs.getInt("interruptions"), rs.getInt("timeout_s"), rs.getString("task_json"),
        rs.getString("original_path"), rs.getString("submission_path"), rs.getString("submission_sha256"),
        rs.getLong("submission_bytes"), rs.getString("log_path"), rs.getString("result_json"), rs.getString("error"),
        rs.getString("node_id"), time(rs, "queued_at"), time(rs, "started_at"), time(rs, "finished_at"), time(rs, "purged_at"));
  }

  private static Instant time(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : Timestamps.fromMicros(v);
  }

  static List<JobRecord> rows(PreparedStatement ps) throws SQLException {
    List<JobRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(row(rs));
    }
    return out;
  }

  @Override
  public boolean finish(String jobId, String nodeId, JobState state, JobOutcome outcome, String resultJson, String error, Instant now) {
    return with(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET state = ?, outcome = ?, result_json = ?, error = ?, "
          + "finished_at = ? WHERE job_id = ? AND state = 'running' AND node_id = ?")) {
        ps.setString(1, state.wire());
        ps.setString(2, outcome.wire());
        ps.setString(3, resultJson);
        ps.setString(4, error);
        ps.setLong(5, Timestamps.micros(now));
        ps.setString(6, jobId);
        ps.setString(7, nodeId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void heartbeat(String nodeId, Instant now) {
    with(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET heartbeat_at = ? WHERE state = 'running' AND node_id = ?")) {
        ps.setLong(1, Timestamps.micros(now));
        ps.setString(2, nodeId);
        return ps.executeUpdate();
      }
    });
  }

  /** Shared recovery body; the caller holds whatever lock or transaction its database needs. */
  static List<Recovered> recoverIn(Connection c, List<JobRecord> running, int maxAttempts, String failedResultJson, Instant now)
      throws SQLException {
    List<Recovered> out = new ArrayList<>();
    for (JobRecord j : running) {
      boolean retry = j.attempts() < maxAttempts;
      String sql = retry
          ? "UPDATE jobs SET state = 'queued', interruptions = interruptions + 1, node_id = NULL, started_at = NULL, "
              + "heartbeat_at = NULL WHERE job_id = ? AND state = 'running'"
          : "UPDATE jobs SET state = 'failed', outcome = 'infra_error', interruptions = interruptions + 1, result_json = ?, "
              + "error = 'interrupted twice', finished_at = ? WHERE job_id = ? AND state = 'running'";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        if (retry) {
          ps.setString(1, j.jobId());
        } else {
          ps.setString(1, failedResultJson);
          ps.setLong(2, Timestamps.micros(now));
          ps.setString(3, j.jobId());
        }
        if (ps.executeUpdate() == 1) out.add(new Recovered(j.jobId(), retry, j.attempts()));
      }
    }
    return out;
  }

  @Override
  public Optional<JobRecord> find(String jobId) {
    return with(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE job_id = ?")) {
        ps.setString(1, jobId);
        return rows(ps).stream().findFirst();
      }
    });
  }

  @Override
  public List<JobRecord> active(int limit) {
    return with(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM jobs WHERE state IN ('queued', 'running') ORDER BY seq LIMIT ?")) {
        ps.setInt(1, limit);
        return rows(ps);
      }
    });
  }

  @Override
  public List<JobRecord> byTask(String taskId, int limit) {
    return with(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE task_id = ? ORDER BY seq LIMIT ?")) {
        ps.setString(1, taskId);
        ps.setInt(2, limit);
        return rows(ps);
      }
    });
  }

  @Override
  public int count(JobState state) {
    return with(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM jobs WHERE state = ?")) {
        ps.setString(1, state.wire());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  @Override
  public List<JobRecord> finishedBefore(Instant cutoff, int limit) {
    return with(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE finished_at IS NOT NULL "
          + "AND finished_at < ? AND purged_at IS NULL ORDER BY finished_at LIMIT ?")) {
        ps.setLong(1, Timestamps.micros(cutoff));
        ps.setInt(2, limit);
        return rows(ps);
      }
    });
  }

  @Override
  public void markPurged(String jobId, Instant now) {
    with(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET purged_at = ? WHERE job_id = ?")) {
        ps.setLong(1, Timestamps.micros(now));
        ps.setString(2, jobId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public int deleteFinishedBefore(Instant cutoff) {
    return with(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM jobs WHERE finished_at IS NOT NULL AND finished_at < ?")) {
        ps.setLong(1, Timestamps.micros(cutoff));
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public List<JobRecord> all(int limit) {
    return with(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs ORDER BY seq LIMIT ?")) {
        ps.setInt(1, limit);
        return rows(ps);
      }
    });
  }

  static void setNullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) ps.setNull(i, Types.BIGINT);
    else ps.setLong(i, v);
  }
}
