-- I7: a row wrong in several fields keeps each problem with its own reason key (a JSON list of
-- {"field","message","reason"} after the first), so that each is worded in the user's language.
ALTER TABLE import_errors ADD COLUMN more TEXT;
