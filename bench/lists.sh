#!/usr/bin/env bash
# Target lists (K2) at scale: on a copy of the LEADS-lead database, one list filled by filter
# (the New leads, then every lead), the lists page (its member count), and the leads list
# filtered by it, uncached and with its total cached. Needs the database `bench/run.sh`
# generates. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/serve_copy.sh
id=$(api POST /api/target-lists '{"name":"Bench list"}' | id_of)
timed "add the New leads by filter" POST "/api/target-lists/$id/members" '{"filter":{"status":"new"}}'
timed "add every lead" POST "/api/target-lists/$id/members" '{"filter":{}}'
timed "lists page" GET /api/target-lists
timed "leads list filtered by the list" GET "/api/leads?target_list_id=$id"
timed "again, its total cached" GET "/api/leads?target_list_id=$id"
timed "with status=new too" GET "/api/leads?target_list_id=$id&status=new"
