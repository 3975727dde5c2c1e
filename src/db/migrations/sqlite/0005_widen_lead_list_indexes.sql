-- Lists combine filters freely (status + source + province, owner + status + stage, ...). Each
-- list index now carries the other common filter columns after created_at, so SQLite filters on
-- the index entry and reads a lead's row only when it matches: a page of three filters over
-- 1,000,000 leads reads thousands of small index entries instead of thousands of whole rows.
DROP INDEX leads_status;
DROP INDEX leads_stage;
DROP INDEX leads_owner;
DROP INDEX leads_team;
DROP INDEX leads_source;
DROP INDEX leads_province;
CREATE INDEX leads_status ON leads (status, created_at, stage, source, province, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX leads_stage ON leads (stage, created_at, status, source, province, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX leads_owner ON leads (owner_id, created_at, status, stage, source, province) WHERE deleted_at IS NULL;
CREATE INDEX leads_team ON leads (team_id, created_at, status, stage, source, province, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX leads_source ON leads (source, created_at, status, stage, province, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX leads_province ON leads (province, created_at, status, stage, source, owner_id) WHERE deleted_at IS NULL;
