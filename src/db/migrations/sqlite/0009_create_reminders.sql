-- C4: each reminder a scheduled call asks for, by popup or e-mail, due `remind_*_min` minutes
-- before the call. A run claims a reminder (`claimed_until`) before sending it, so two runs
-- never send the same one, and one that died while sending gives it back when the claim runs
-- out; `sent_at` makes it go out once; a failed e-mail is tried again up to five times with its
-- last error kept.
CREATE TABLE call_reminders (
  call_id    INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  channel    TEXT NOT NULL CHECK (channel IN ('popup', 'email')),
  due_at     BIGINT NOT NULL,
  sent_at    BIGINT,
  claimed_until BIGINT,
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  PRIMARY KEY (call_id, channel)
) WITHOUT ROWID;
CREATE INDEX call_reminders_due ON call_reminders (due_at) WHERE sent_at IS NULL;

-- Reminders of calls already planned, from now on.
INSERT INTO call_reminders (call_id, channel, due_at)
SELECT id, 'popup', start_at - remind_popup_min * 60000 FROM calls
WHERE status = 'scheduled' AND remind_popup_min IS NOT NULL
  AND start_at - remind_popup_min * 60000 > CAST(strftime('%s', 'now') AS INTEGER) * 1000;
INSERT INTO call_reminders (call_id, channel, due_at)
SELECT id, 'email', start_at - remind_email_min * 60000 FROM calls
WHERE status = 'scheduled' AND remind_email_min IS NOT NULL
  AND start_at - remind_email_min * 60000 > CAST(strftime('%s', 'now') AS INTEGER) * 1000;

-- Settings an admin changes on the settings page (the SMTP server), one JSON value per key.
CREATE TABLE app_settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- The job that sends reminders, every minute from now; admins may change or pause it.
INSERT INTO jobs (name, type, active, interval_min, starts_at, next_run_at, created_at, updated_at)
SELECT 'Nhắc lịch gọi', 'reminders', 1, 1, t, t, t, t
FROM (SELECT CAST(strftime('%s', 'now') AS INTEGER) / 60 * 60000 AS t);
