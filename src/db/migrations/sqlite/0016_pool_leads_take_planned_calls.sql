-- R4 with C4: a lead taken from the pool takes along the calls its last owner planned, as a
-- lead taken from its owner does (0013). Whose they were is the last move into the pool in the
-- lead's history (R7).
DROP TRIGGER leads_owner_takes_planned_calls;
CREATE TRIGGER leads_owner_takes_planned_calls AFTER UPDATE OF owner_id ON leads
WHEN NEW.owner_id IS NOT NULL AND NEW.owner_id IS NOT OLD.owner_id
BEGIN
  UPDATE calls SET owner_id = NEW.owner_id, updated_at = NEW.updated_at
  WHERE parent_type = 'lead' AND parent_id = NEW.id AND status = 'scheduled'
    AND owner_id IS coalesce(OLD.owner_id, (SELECT from_user FROM lead_assignments
                                            WHERE lead_id = NEW.id AND to_user IS NULL
                                            ORDER BY id DESC LIMIT 1));
END;
