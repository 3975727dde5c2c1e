#!/usr/bin/env bash
# Campaigns (K1) at scale: on a copy of the LEADS-lead database, three campaigns given to the
# leads of their sources by mass update (by filter), then the campaigns page (each campaign's
# leads and customers counted), a picker's names-only list, and the leads list filtered by a
# campaign. Needs the database `bench/run.sh` generates. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/serve_copy.sh
ids=()
for source in "Sự kiện" "Facebook" "Google Ads"; do
  id=$(api POST /api/campaigns "{\"name\":\"Bench $source\",\"type\":\"other\",\"source\":\"$source\"}" | id_of)
  timed "campaign of the $source leads, by filter" POST /api/leads/mass-update \
    "{\"filter\":{\"source\":\"$source\"},\"set\":{\"campaign_id\":$id}}"
  ids+=("$id")
done
timed "campaigns page" GET /api/campaigns
timed "a picker's names" GET "/api/campaigns?counts=false"
timed "leads list filtered by a campaign" GET "/api/leads?campaign_id=${ids[0]}"
timed "with status=new too" GET "/api/leads?campaign_id=${ids[0]}&status=new"
