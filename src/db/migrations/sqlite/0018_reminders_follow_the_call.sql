-- C4: a planned call handed to someone else (by hand, or with its lead, 0013) reminds the one
-- who now makes it, though its reminders went to the one before: they are due again, each once
-- more, and a reminder given up on (the first owner had no e-mail address) is tried afresh. Not
-- for a call over for longer than a reminder may come late (kReminderTooLate, an hour) when it
-- changes hands (its updated_at): those would only be given up again.
CREATE TRIGGER calls_new_owner_is_reminded AFTER UPDATE OF owner_id ON calls
WHEN NEW.owner_id IS NOT OLD.owner_id AND NEW.status = 'scheduled' AND NEW.start_at + 3600000 >= NEW.updated_at
BEGIN
  UPDATE call_reminders SET sent_at = NULL, claimed_until = NULL, attempts = 0, last_error = NULL
  WHERE call_id = NEW.id;
END;
