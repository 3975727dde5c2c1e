-- R2 least loaded: each owner's open leads (not deleted, converted or dead), kept as leads
-- change, so that a pick reads one row per member instead of counting their leads (100,000
-- index entries for a busy agent, at every lead a rule gives). Triggers, so that every way a
-- lead is written keeps it: one lead, mass updates, the queue's hand-out, imports, purges.
CREATE TABLE owner_open_leads (
  user_id INTEGER PRIMARY KEY,
  open    INTEGER NOT NULL
);
INSERT INTO owner_open_leads (user_id, open)
SELECT owner_id, COUNT(*) FROM leads
WHERE owner_id IS NOT NULL AND deleted_at IS NULL AND status NOT IN ('converted', 'dead')
GROUP BY owner_id;

CREATE TRIGGER leads_open_insert AFTER INSERT ON leads
WHEN NEW.owner_id IS NOT NULL AND NEW.deleted_at IS NULL AND NEW.status NOT IN ('converted', 'dead')
BEGIN
  INSERT INTO owner_open_leads (user_id, open) VALUES (NEW.owner_id, 1)
  ON CONFLICT (user_id) DO UPDATE SET open = open + 1;
END;

CREATE TRIGGER leads_open_delete AFTER DELETE ON leads
WHEN OLD.owner_id IS NOT NULL AND OLD.deleted_at IS NULL AND OLD.status NOT IN ('converted', 'dead')
BEGIN
  UPDATE owner_open_leads SET open = open - 1 WHERE user_id = OLD.owner_id;
END;

-- A lead leaves its old owner's count if it was in it, and joins the new owner's if it is open.
CREATE TRIGGER leads_open_update AFTER UPDATE OF owner_id, status, deleted_at ON leads
WHEN OLD.owner_id IS NOT NEW.owner_id
  OR (OLD.deleted_at IS NULL AND OLD.status NOT IN ('converted', 'dead'))
     <> (NEW.deleted_at IS NULL AND NEW.status NOT IN ('converted', 'dead'))
BEGIN
  UPDATE owner_open_leads SET open = open - 1
  WHERE user_id = OLD.owner_id AND OLD.deleted_at IS NULL AND OLD.status NOT IN ('converted', 'dead');
  INSERT INTO owner_open_leads (user_id, open)
  SELECT NEW.owner_id, 1 WHERE NEW.owner_id IS NOT NULL AND NEW.deleted_at IS NULL
                          AND NEW.status NOT IN ('converted', 'dead')
  ON CONFLICT (user_id) DO UPDATE SET open = open + 1;
END;
