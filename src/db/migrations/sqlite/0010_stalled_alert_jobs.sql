-- R6: the stalled-lead alert job (P3's leads, told to their owners). SQLite cannot widen a CHECK,
-- so the jobs table is built again with the new type and the alert's `days` (no activity for
-- that many days makes a lead stalled); no table references jobs.
CREATE TABLE jobs_new (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT NOT NULL,
  type         TEXT NOT NULL CHECK (type IN ('auto_assign', 'reminders', 'stalled_alert')),
  active       INTEGER NOT NULL DEFAULT 1,
  interval_min INTEGER NOT NULL,
  starts_at    BIGINT NOT NULL,
  ends_at      BIGINT,
  rule_id      INTEGER REFERENCES assignment_rules (id) ON DELETE SET NULL,
  batch_size   INTEGER,
  days         INTEGER,
  next_run_at  BIGINT NOT NULL,
  lease_holder TEXT,
  lease_until  BIGINT,
  last_run_at  BIGINT,
  last_status  TEXT,
  last_result  TEXT,
  created_at   BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL
);
INSERT INTO jobs_new (id, name, type, active, interval_min, starts_at, ends_at, rule_id, batch_size, next_run_at,
  lease_holder, lease_until, last_run_at, last_status, last_result, created_at, updated_at)
SELECT id, name, type, active, interval_min, starts_at, ends_at, rule_id, batch_size, next_run_at, lease_holder,
  lease_until, last_run_at, last_status, last_result, created_at, updated_at
FROM jobs;
-- Deleted jobs' ids stay used (the audit trail names jobs by id).
DELETE FROM sqlite_sequence WHERE name = 'jobs_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'jobs_new', seq FROM sqlite_sequence WHERE name = 'jobs';
DROP TABLE jobs;
ALTER TABLE jobs_new RENAME TO jobs;
CREATE INDEX jobs_due ON jobs (next_run_at) WHERE active = 1;
