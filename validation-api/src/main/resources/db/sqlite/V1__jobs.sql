-- Job records, results and the submission index. Times are epoch microseconds (UTC).
CREATE TABLE jobs (
  seq               INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id            TEXT    NOT NULL UNIQUE,
  request_id        TEXT    NOT NULL,
  task_id           TEXT,
  miner_uid         TEXT,
  state             TEXT    NOT NULL,
  outcome           TEXT,
  attempts          INTEGER NOT NULL DEFAULT 0,
  interruptions     INTEGER NOT NULL DEFAULT 0,
  timeout_s         INTEGER NOT NULL,
  task_json         TEXT    NOT NULL,
  original_path     TEXT,
  submission_path   TEXT,
  submission_sha256 TEXT,
  submission_bytes  BIGINT  NOT NULL DEFAULT 0,
  log_path          TEXT,
  result_json       TEXT,
  error             TEXT,
  node_id           TEXT,
  queued_at         BIGINT  NOT NULL,
  started_at        BIGINT,
  finished_at       BIGINT,
  heartbeat_at      BIGINT,
  purged_at         BIGINT
);
CREATE INDEX jobs_state_seq ON jobs (state, seq);
CREATE INDEX jobs_task ON jobs (task_id, seq);
CREATE INDEX jobs_miner ON jobs (miner_uid, seq);
CREATE INDEX jobs_finished ON jobs (finished_at);
