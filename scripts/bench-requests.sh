#!/usr/bin/env bash
# On-demand benchmark (not a test) of the requests register at scale, on PostgreSQL with row-level security in force:
# 311 parties, 100,000 requests (with 2 timeline events each) in Östersund and 50 in every other party. Starts a
# throwaway PostgreSQL cluster on loopback, migrates with the real `migrate` command, bulk-loads with SQL, starts the
# app (Release) under the application role, signs in as the demo DPO and prints the median and p95 of the list page
# (several filters and deep pages) and the case page over N sequential requests, then the query plans of the list.
# Usage: scripts/bench-requests.sh [N=200]     (needs postgresql from Debian: see scripts/test.sh)
n="${1:-200}"
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_postgres
export Demo__Cases=false
bench_migrate
bench_load_requests
bench_app
jar="$work/cookies"
bench_sign_in "$jar"
tenant=$(PGUSER=gn_owner psql -tAc "SELECT id FROM parties WHERE slug = 'ostersund'")
case_id=$(PGUSER=gn_owner psql -tAc "SELECT id FROM requests WHERE party_id = '$tenant' AND status = 'InProgress' ORDER BY case_number LIMIT 1 OFFSET 5000")

echo "median and p95 over $n sequential requests (after 20 warm-up), signed in as the DPO of Östersund:"
for path in "/ostersund/begaranden" "/ostersund/begaranden?status=InProgress&sida=40" "/ostersund/begaranden?frist=forsenade&rattighet=Access" \
            "/ostersund/begaranden?status=alla&sida=1000" "/ostersund/begaranden/$case_id" "/bench-7"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "http://127.0.0.1:$port$path")
  for _ in $(seq 1 20); do curl -s -o /dev/null -b "$jar" "http://127.0.0.1:$port$path"; done
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "http://127.0.0.1:$port$path"; done | sort -n |
    awk -v p="$path" -v c="$code" '{a[NR]=$1} END {printf "%-62s %s  median %6.2f ms  p95 %6.2f ms\n", p, c, a[int((NR+1)/2)]*1000, a[int(NR*0.95)]*1000}'
done
echo "server RSS: $(bench_rss) MiB"

echo; echo "query plans as the application role, with the party set as the app sets it (row-level security in force):"
plan() { PGUSER=gn_app PGPASSWORD=bench psql -c "SELECT set_config('app.party_id', '$tenant', false);" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $1" | grep -E "Index|Seq Scan|Execution Time|Sort|Limit" | sed 's/^/    /'; }
echo "  open cases, first page:"
plan "SELECT id FROM requests WHERE party_id = '$tenant' AND status NOT IN ('Answered','Refused','Withdrawn') ORDER BY effective_due_on, case_number, id LIMIT 51"
echo "  one status, page 40:"
plan "SELECT id FROM requests WHERE party_id = '$tenant' AND status = 'InProgress' ORDER BY effective_due_on, case_number, id OFFSET 1950 LIMIT 51"
echo "  the case and its timeline:"
plan "SELECT * FROM request_events WHERE party_id = '$tenant' AND request_id = '$case_id' ORDER BY at DESC"
