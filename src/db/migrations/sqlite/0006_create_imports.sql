-- Imports (I1-I8): one row per uploaded file with its settings and progress, what each import
-- did to which lead (for undo and for crash recovery), the rows it rejected, mapping presets.
CREATE TABLE imports (
  id                INTEGER PRIMARY KEY,
  entity            TEXT NOT NULL,
  filename          TEXT NOT NULL,
  file_path         TEXT NOT NULL,
  format            TEXT NOT NULL,
  sheet             TEXT,
  sheets            TEXT NOT NULL DEFAULT '[]',
  columns           TEXT NOT NULL DEFAULT '[]',
  sample            TEXT NOT NULL DEFAULT '[]',
  suggested_mapping TEXT NOT NULL DEFAULT '{}',
  mapping           TEXT NOT NULL DEFAULT '{}',
  mode              TEXT NOT NULL DEFAULT 'create',
  match_on          TEXT NOT NULL DEFAULT '["mobile","email"]',
  defaults          TEXT NOT NULL DEFAULT '{}',
  status            TEXT NOT NULL,
  rows_estimate     INTEGER NOT NULL DEFAULT 0,
  processed         INTEGER NOT NULL DEFAULT 0,
  created           INTEGER NOT NULL DEFAULT 0,
  updated           INTEGER NOT NULL DEFAULT 0,
  duplicate         INTEGER NOT NULL DEFAULT 0,
  error             INTEGER NOT NULL DEFAULT 0,
  failure           TEXT,
  created_by        INTEGER REFERENCES users (id),
  created_at        BIGINT NOT NULL,
  started_at        BIGINT,
  finished_at       BIGINT
);
CREATE INDEX imports_created ON imports (created_by, id);
CREATE INDEX imports_running ON imports (status) WHERE status = 'running';

-- One row per lead an import created ('create') or changed ('update', with the old values of
-- the fields it changed), so that undo and recovery know exactly what to take back.
CREATE TABLE import_items (
  import_id INTEGER NOT NULL REFERENCES imports (id),
  lead_id   INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('create', 'update')),
  before    TEXT,
  PRIMARY KEY (import_id, lead_id)
) WITHOUT ROWID;

CREATE TABLE import_errors (
  import_id INTEGER NOT NULL REFERENCES imports (id),
  row       INTEGER NOT NULL,
  field     TEXT,
  message   TEXT NOT NULL,
  cells     TEXT NOT NULL,
  PRIMARY KEY (import_id, row)
) WITHOUT ROWID;

CREATE TABLE import_presets (
  id         INTEGER PRIMARY KEY,
  entity     TEXT NOT NULL,
  name       TEXT NOT NULL,
  mapping    TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at BIGINT NOT NULL,
  UNIQUE (entity, name)
);
