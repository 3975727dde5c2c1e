-- I6/I8: taking an import back removes the leads it created for good, except those someone
-- worked on meanwhile, which go to the trash; the import counts them for its result page.
ALTER TABLE imports ADD COLUMN in_trash INTEGER NOT NULL DEFAULT 0;
