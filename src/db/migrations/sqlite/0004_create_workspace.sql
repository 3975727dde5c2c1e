-- The agent's workspace: calls, notes, saved views, preferences, custom fields, tags as an
-- index, audit batches for mass updates.
CREATE TABLE calls (
  id               INTEGER PRIMARY KEY,
  parent_type      TEXT NOT NULL CHECK (parent_type IN ('lead', 'target', 'contact')),
  parent_id        INTEGER NOT NULL,
  subject          TEXT NOT NULL,
  direction        TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
  status           TEXT NOT NULL CHECK (status IN ('scheduled', 'completed', 'cancelled')),
  result           TEXT,
  start_at         BIGINT NOT NULL,
  duration_s       INTEGER,
  description      TEXT,
  remind_popup_min INTEGER,
  remind_email_min INTEGER,
  owner_id         INTEGER REFERENCES users (id),
  created_by       INTEGER,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL
);
CREATE INDEX calls_parent ON calls (parent_type, parent_id, start_at);
CREATE INDEX calls_owner ON calls (owner_id, start_at);
CREATE INDEX calls_scheduled ON calls (start_at) WHERE status = 'scheduled';

CREATE TABLE notes (
  id          INTEGER PRIMARY KEY,
  parent_type TEXT NOT NULL CHECK (parent_type IN ('lead', 'target', 'contact')),
  parent_id   INTEGER NOT NULL,
  body        TEXT NOT NULL,
  created_by  INTEGER,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE INDEX notes_parent ON notes (parent_type, parent_id, created_at);

CREATE TABLE saved_views (
  id         INTEGER PRIMARY KEY,
  entity     TEXT NOT NULL,
  name       TEXT NOT NULL,
  owner_id   INTEGER NOT NULL REFERENCES users (id),
  team_id    INTEGER,
  shared     INTEGER NOT NULL DEFAULT 0,
  filter     TEXT NOT NULL DEFAULT '{}',
  columns    TEXT,
  sort       TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX saved_views_owner ON saved_views (entity, owner_id);
CREATE INDEX saved_views_team ON saved_views (entity, team_id) WHERE shared = 1;

CREATE TABLE user_preferences (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key     TEXT NOT NULL,
  value   TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
) WITHOUT ROWID;

CREATE TABLE custom_fields (
  id         INTEGER PRIMARY KEY,
  entity     TEXT NOT NULL,
  name       TEXT NOT NULL,
  type       TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'select', 'multi_select', 'boolean')),
  label_vi   TEXT NOT NULL,
  label_en   TEXT NOT NULL,
  options    TEXT NOT NULL DEFAULT '[]',
  required   INTEGER NOT NULL DEFAULT 0,
  active     INTEGER NOT NULL DEFAULT 1,
  position   INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  UNIQUE (entity, name)
);

-- Tags stay in leads.tags (the record); this is their index for the tag filter.
CREATE TABLE lead_tags (
  tag     TEXT NOT NULL,
  lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  PRIMARY KEY (tag, lead_id)
) WITHOUT ROWID;
CREATE INDEX lead_tags_lead ON lead_tags (lead_id);
INSERT INTO lead_tags (tag, lead_id) SELECT DISTINCT j.value, l.id FROM leads l, json_each(l.tags) j;

CREATE INDEX leads_province ON leads (province, created_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_dnc ON leads (created_at) WHERE deleted_at IS NULL AND do_not_contact = 1;
CREATE INDEX leads_campaign ON leads (campaign_id, created_at) WHERE deleted_at IS NULL AND campaign_id IS NOT NULL;

-- One row per mass update; its audit rows carry its id (L8: one operation, one audit batch).
CREATE TABLE audit_batches (
  id          INTEGER PRIMARY KEY,
  entity_type TEXT NOT NULL,
  description TEXT NOT NULL,
  user_id     INTEGER,
  via         TEXT NOT NULL,
  matched     INTEGER NOT NULL,
  updated     INTEGER NOT NULL,
  created_at  BIGINT NOT NULL
);
INSERT INTO change_counters (name, value) VALUES ('custom_fields', 0);
