-- I6/I8: taking an import back removes the leads it created for good, except those someone
-- worked on meanwhile, which go to the trash; the import counts them for its result page.
ALTER TABLE imports ADD COLUMN in_trash INTEGER NOT NULL DEFAULT 0;
-- Why an import failed as a key ("restarted", "expired", "file", "settings", "internal") beside
-- the message, so that the result page can word it in the user's language.
ALTER TABLE imports ADD COLUMN failure_reason TEXT;
-- A lead removed for good leaves its id behind: new leads are numbered above the highest id
-- ever removed, so an exported file, a bookmark or an API client holding it never reaches
-- somebody else (leads has no AUTOINCREMENT, and SQLite numbers from the highest id left).
CREATE TABLE lead_id_floor (id INTEGER NOT NULL);
INSERT INTO lead_id_floor (id) VALUES (0);
