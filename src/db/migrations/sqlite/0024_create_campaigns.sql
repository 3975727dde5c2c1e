-- K1 campaigns: what brought a lead in (an event, an ads run, a mailing), named, dated and
-- budgeted, so that leads and customers are counted per campaign. A name is unique whatever its
-- case and diacritics (name_fold). Dates are YYYY-MM-DD; the budget is in VND.
CREATE TABLE campaigns (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  name_fold   TEXT NOT NULL UNIQUE,
  type        TEXT NOT NULL DEFAULT 'other',
  status      TEXT NOT NULL DEFAULT 'planning',
  start_date  TEXT,
  end_date    TEXT,
  budget      INTEGER,
  source      TEXT,
  description TEXT,
  created_by  INTEGER REFERENCES users (id),
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);

-- Campaign numbers typed on leads and rules before campaigns existed stay theirs: each becomes
-- a campaign named after it, to be renamed (leads and rules now name existing campaigns only).
INSERT INTO campaigns (id, name, name_fold, status, created_at, updated_at)
SELECT id, 'Chiến dịch #' || id, 'chien dich #' || id, 'active', CAST(strftime('%s', 'now') AS INTEGER) * 1000,
       CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM (SELECT campaign_id AS id FROM leads WHERE campaign_id IS NOT NULL
      UNION SELECT campaign_id FROM assignment_rules WHERE campaign_id IS NOT NULL);
