-- I7: a skipped duplicate says what it repeats: the earlier row of the file, or the lead already
-- there (its id), worded into the rejected rows' file in the user's language.
ALTER TABLE import_errors ADD COLUMN detail TEXT;
