-- Assignment (R1-R4, R7): agents' presence, rules with their members and turn state, and the
-- history of every owner change. Agents start ON: an agent who is away is switched OFF.
ALTER TABLE users ADD COLUMN online INTEGER NOT NULL DEFAULT 1;

-- I4/R3: an import may hand the leads it creates without an owner to the rules.
ALTER TABLE imports ADD COLUMN auto_assign INTEGER NOT NULL DEFAULT 0;

-- AUTOINCREMENT: a deleted rule's id is never reused, so its history stays its own.
CREATE TABLE assignment_rules (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  name             TEXT NOT NULL,
  active           INTEGER NOT NULL DEFAULT 1,
  campaign_id      INTEGER,
  source           TEXT,
  method           TEXT NOT NULL CHECK (method IN ('round_robin', 'least_loaded', 'weighted')),
  creator_priority INTEGER NOT NULL DEFAULT 1,
  -- The turn state of every member (EncodeState in assignment_rules.h), saved with every pick
  -- so that a restart or another instance continues the same order; `taken` counts in it are
  -- of the day that starts at `state_day` (daily caps). One row per pick, whatever the size.
  state            TEXT NOT NULL DEFAULT '',
  state_day        BIGINT NOT NULL DEFAULT 0,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL
);

CREATE TABLE assignment_rule_members (
  rule_id   INTEGER NOT NULL REFERENCES assignment_rules (id) ON DELETE CASCADE,
  user_id   INTEGER NOT NULL REFERENCES users (id),
  position  INTEGER NOT NULL,
  weight    INTEGER NOT NULL DEFAULT 1,
  daily_cap INTEGER,
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
-- Owner changes made before this history existed, from the audit trail, so that the timeline
-- (which shows owner changes from here) loses none of them.
INSERT INTO lead_assignments (lead_id, from_user, to_user, by_user, reason, at)
SELECT entity_id, CAST(old_value AS INTEGER), CAST(new_value AS INTEGER), user_id,
       CASE WHEN batch_id IS NOT NULL THEN 'mass_update' WHEN via = 'import' THEN 'import' ELSE 'changed' END,
       created_at
FROM audit_log WHERE entity_type = 'lead' AND field = 'owner_id' ORDER BY id;

-- Pickers keep the rules and their members' presence in memory until one of these moves.
INSERT INTO change_counters (name, value) VALUES ('users', 0), ('assignment_rules', 0);
