-- R4 with C4: the calls a lead's owner planned go with the lead to whoever takes it over, so
-- that the reminders reach the one who now looks after it. A trigger, so that every way an
-- owner changes gets it alike: one lead (edit, reassign, unassign, import), a mass update and
-- the queue's hand-out, both of which change thousands of leads in one statement (one lookup in
-- calls_parent per lead). Made or cancelled calls, and calls somebody else planned (a manager's
-- own), stay theirs. A lead put back in the pool leaves them with its last owner, also once
-- someone takes it from there: whose they were is no longer on the lead.
CREATE TRIGGER leads_owner_takes_planned_calls AFTER UPDATE OF owner_id ON leads
WHEN NEW.owner_id IS NOT NULL AND NEW.owner_id IS NOT OLD.owner_id
BEGIN
  UPDATE calls SET owner_id = NEW.owner_id, updated_at = NEW.updated_at
  WHERE parent_type = 'lead' AND parent_id = NEW.id AND status = 'scheduled' AND owner_id IS OLD.owner_id;
END;
