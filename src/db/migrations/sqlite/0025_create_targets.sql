-- T1-T5 targets: prospects bought or collected, not yet verified by a call (raw), verified and
-- ready for a consultant (wait_for_deliver), or not worth a call (invalid); converted ones become
-- leads (transferred, lead_id the lead). The contact fields are the lead's, normalised and
-- searched the same way. AUTOINCREMENT: a target removed for good (an import undone) never gives
-- its id to another.
CREATE TABLE targets (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  full_name        TEXT NOT NULL,
  name_fold        TEXT NOT NULL,
  mobile           TEXT,
  mobile_e164      TEXT,
  phone            TEXT,
  phone_e164       TEXT,
  email            TEXT,
  company          TEXT,
  company_fold     TEXT,
  title            TEXT,
  gender           TEXT,
  birthday         TEXT,
  address          TEXT,
  province         TEXT,
  source           TEXT,
  medium           TEXT,
  campaign_id      INTEGER,
  product_interest TEXT,
  tags             TEXT NOT NULL DEFAULT '[]',
  owner_id         INTEGER REFERENCES users (id),
  team_id          INTEGER REFERENCES teams (id),
  status           TEXT NOT NULL CHECK (status IN ('raw', 'wait_for_deliver', 'transferred', 'invalid')),
  do_not_contact   INTEGER NOT NULL DEFAULT 0,
  dnc_reason       TEXT,
  description      TEXT,
  custom           TEXT NOT NULL DEFAULT '{}',
  lead_id          INTEGER,
  created_by       INTEGER REFERENCES users (id),
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL,
  last_activity_at BIGINT,
  deleted_at       BIGINT,
  deleted_by       INTEGER
);
CREATE INDEX targets_created ON targets (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX targets_status ON targets (status, created_at) WHERE deleted_at IS NULL;
CREATE INDEX targets_owner ON targets (owner_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX targets_team ON targets (team_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX targets_source ON targets (source, created_at) WHERE deleted_at IS NULL;
CREATE INDEX targets_campaign ON targets (campaign_id) WHERE deleted_at IS NULL AND campaign_id IS NOT NULL;
CREATE INDEX targets_mobile ON targets (mobile_e164) WHERE deleted_at IS NULL AND mobile_e164 IS NOT NULL;
CREATE INDEX targets_phone ON targets (phone_e164) WHERE deleted_at IS NULL AND phone_e164 IS NOT NULL;
CREATE INDEX targets_email ON targets (email) WHERE deleted_at IS NULL AND email IS NOT NULL;
CREATE INDEX targets_name ON targets (name_fold) WHERE deleted_at IS NULL;
CREATE INDEX targets_trash ON targets (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE VIRTUAL TABLE target_search USING fts5 (doc, tokenize = 'trigram');
