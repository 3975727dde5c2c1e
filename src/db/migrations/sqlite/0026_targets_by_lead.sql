-- A lead's page links back to the target it was converted from (T3: the link kept), found by
-- the target list's `lead_id` filter.
CREATE INDEX targets_lead ON targets (lead_id) WHERE lead_id IS NOT NULL;
