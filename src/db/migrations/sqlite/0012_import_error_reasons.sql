-- I7: a rejected row keeps its reason key ("invalid_phone") beside the message, so that the
-- preview and the errors file can word it in the user's language.
ALTER TABLE import_errors ADD COLUMN reason TEXT;
