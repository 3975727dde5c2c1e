-- K2 target lists: named sets of leads for a campaign or a mailing, filled by hand, from a
-- filter or from an import (I7). A name is unique whatever its case and diacritics (name_fold).
CREATE TABLE target_lists (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  name_fold   TEXT NOT NULL UNIQUE,
  description TEXT,
  created_by  INTEGER REFERENCES users (id),
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);

-- A lead removed for good (undo of an import, the trash's purge) leaves every list.
CREATE TABLE target_list_members (
  list_id INTEGER NOT NULL REFERENCES target_lists (id) ON DELETE CASCADE,
  lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  PRIMARY KEY (list_id, lead_id)
) WITHOUT ROWID;
CREATE INDEX target_list_members_lead ON target_list_members (lead_id);
