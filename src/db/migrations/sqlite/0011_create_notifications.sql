-- The bell: every popup a user is sent (lead assigned, call reminder, stalled leads) is kept
-- here, so that one sent while none of their pages was open still reaches them. `data` is the
-- event's JSON; read ones older than 30 days go when their user marks others read.
CREATE TABLE notifications (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type       TEXT NOT NULL,
  data       TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at    BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
