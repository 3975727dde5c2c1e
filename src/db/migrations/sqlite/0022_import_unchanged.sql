-- I7: rows that matched a lead and changed nothing are counted apart from the updated ones, so
-- that a file exported, edited in a few places and imported back says what it changed.
ALTER TABLE imports ADD COLUMN unchanged INTEGER NOT NULL DEFAULT 0;
