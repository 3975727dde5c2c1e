-- Leads, their search index and the audit trail.
CREATE TABLE leads (
  id               INTEGER PRIMARY KEY,
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
  status           TEXT NOT NULL,
  stage            TEXT NOT NULL,
  stage_info       TEXT NOT NULL DEFAULT '{}',
  do_not_contact   INTEGER NOT NULL DEFAULT 0,
  dnc_reason       TEXT,
  description      TEXT,
  custom           TEXT NOT NULL DEFAULT '{}',
  created_by       INTEGER REFERENCES users (id),
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL,
  last_activity_at BIGINT,
  deleted_at       BIGINT,
  deleted_by       INTEGER
);

-- Lists show live leads only; partial indexes keep them small and make counts cheap.
CREATE INDEX leads_created ON leads (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_updated ON leads (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_activity ON leads (last_activity_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_status ON leads (status, created_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_stage ON leads (stage, created_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_owner ON leads (owner_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_team ON leads (team_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_source ON leads (source, created_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_name ON leads (name_fold) WHERE deleted_at IS NULL;
-- Duplicate checks (L3).
CREATE INDEX leads_mobile ON leads (mobile_e164) WHERE deleted_at IS NULL AND mobile_e164 IS NOT NULL;
CREATE INDEX leads_phone ON leads (phone_e164) WHERE deleted_at IS NULL AND phone_e164 IS NOT NULL;
CREATE INDEX leads_email ON leads (email) WHERE deleted_at IS NULL AND email IS NOT NULL;
CREATE INDEX leads_trash ON leads (deleted_at) WHERE deleted_at IS NOT NULL;

-- One document per lead: folded name, email, folded company and phone digits, searched by
-- trigrams so that any part of any of them matches without scanning the table.
CREATE VIRTUAL TABLE lead_search USING fts5 (doc, tokenize = 'trigram');

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  entity_type TEXT NOT NULL,
  entity_id   INTEGER NOT NULL,
  action      TEXT NOT NULL,
  field       TEXT,
  old_value   TEXT,
  new_value   TEXT,
  user_id     INTEGER,
  via         TEXT NOT NULL,
  batch_id    INTEGER,
  created_at  BIGINT NOT NULL
);
CREATE INDEX audit_entity ON audit_log (entity_type, entity_id, id);
