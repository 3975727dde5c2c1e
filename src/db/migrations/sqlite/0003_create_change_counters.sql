-- A counter per kind of record, bumped by every write to it, so that caches of derived figures
-- (list totals) can tell in one point read whether they are still exact.
CREATE TABLE change_counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO change_counters (name, value) VALUES ('leads', 0);
