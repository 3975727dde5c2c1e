-- Assignment (R1-R4, R7): agents' presence, rules with their members and turn state, and the
-- history of every owner change. Agents start ON: an agent who is away is switched OFF.
ALTER TABLE users ADD COLUMN online INTEGER NOT NULL DEFAULT 1;

-- I4/R3: an import may hand the leads it creates without an owner to the rules.
ALTER TABLE imports ADD COLUMN auto_assign INTEGER NOT NULL DEFAULT 0;

-- AUTOINCREMENT: a deleted rule's id is never reused, so its history and counts stay its own.
CREATE TABLE assignment_rules (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  name             TEXT NOT NULL,
  active           INTEGER NOT NULL DEFAULT 1,
  campaign_id      INTEGER,
  source           TEXT,
  method           TEXT NOT NULL CHECK (method IN ('round_robin', 'least_loaded', 'weighted')),
  creator_priority INTEGER NOT NULL DEFAULT 1,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL
);

-- `turns` and `credit` are the rule's turn state (see assignment_rules.h), saved with every
-- pick so that a restart or another instance continues the same order.
CREATE TABLE assignment_rule_members (
  rule_id   INTEGER NOT NULL REFERENCES assignment_rules (id) ON DELETE CASCADE,
  user_id   INTEGER NOT NULL REFERENCES users (id),
  position  INTEGER NOT NULL,
  weight    INTEGER NOT NULL DEFAULT 1,
  daily_cap INTEGER,
  turns     INTEGER NOT NULL DEFAULT 0,
  credit    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (rule_id, user_id)
) WITHOUT ROWID;

CREATE TABLE lead_assignments (
  id        INTEGER PRIMARY KEY,
  lead_id   INTEGER NOT NULL,
  from_user INTEGER,
  to_user   INTEGER,
  rule_id   INTEGER,
  by_user   INTEGER,
  reason    TEXT NOT NULL,
  at        BIGINT NOT NULL
);
CREATE INDEX lead_assignments_lead ON lead_assignments (lead_id, id);
-- Daily caps: how many leads a rule gave a member since the start of the day.
CREATE INDEX lead_assignments_rule_day ON lead_assignments (rule_id, to_user, at) WHERE rule_id IS NOT NULL;
