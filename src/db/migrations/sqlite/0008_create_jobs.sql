-- R5: leads queued for a rule, handed out a batch at a time by an auto-assign job.
CREATE TABLE assignment_queue (
  lead_id   INTEGER PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
  rule_id   INTEGER NOT NULL REFERENCES assignment_rules (id) ON DELETE CASCADE,
  queued_by INTEGER,
  queued_at BIGINT NOT NULL
);
-- A job's batch is the rule's oldest queued leads.
CREATE INDEX assignment_queue_rule ON assignment_queue (rule_id, queued_at, lead_id);

-- R6: scheduled jobs. `next_run_at` is when the job is due; an instance runs it only after
-- taking the lease (`lease_until` in the past or null), so exactly one instance runs a job at a
-- time, and a run that crashed is taken again once its lease has run out.
CREATE TABLE jobs (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT NOT NULL,
  type         TEXT NOT NULL CHECK (type IN ('auto_assign', 'reminders')),
  active       INTEGER NOT NULL DEFAULT 1,
  interval_min INTEGER NOT NULL,
  starts_at    BIGINT NOT NULL,
  ends_at      BIGINT,
  rule_id      INTEGER REFERENCES assignment_rules (id) ON DELETE SET NULL,
  batch_size   INTEGER,
  next_run_at  BIGINT NOT NULL,
  lease_holder TEXT,
  lease_until  BIGINT,
  last_run_at  BIGINT,
  last_status  TEXT,
  last_result  TEXT,
  created_at   BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL
);
CREATE INDEX jobs_due ON jobs (next_run_at) WHERE active = 1;
