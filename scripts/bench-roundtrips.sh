#!/usr/bin/env bash
# On-demand benchmark (not a test): how many database round trips one page request costs. Starts a throwaway
# PostgreSQL cluster on loopback with every statement logged, migrates with the real `migrate` command, starts the app
# (Release) under the application role with the demo data, signs in as the demo DPO and, for each page, after a
# warm-up, counts the statements one request sends: all of them, the `set_config` that sets the party on a connection
# (one per connection lease), and the pool's `DISCARD ALL` resets.
# Usage: [GN_BENCH_SHOW=1] scripts/bench-roundtrips.sh     (SHOW prints the statements; needs postgresql from Debian)
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_postgres "-c log_statement=all -c log_line_prefix='%u|' -c log_min_duration_statement=-1"
bench_migrate
bench_app
jar="$work/cookies"
bench_sign_in "$jar"
case_id=$(PGUSER=gn_owner psql -tAc "SELECT r.id FROM requests r JOIN parties p ON p.id = r.party_id WHERE p.slug = 'ostersund' AND NOT r.protected_identity ORDER BY r.case_number LIMIT 1")

printf "%-46s %6s %11s %11s %11s\n" "page (one request, signed in as the DPO)" "status" "statements" "set_config" "DISCARD ALL"
for path in "/ostersund/begaranden" "/ostersund/begaranden/$case_id" "/ostersund/incidenter" "/ostersund" "/api/v1/ostersund/requests"; do
  for _ in $(seq 1 5); do curl -s -o /dev/null -b "$jar" "http://127.0.0.1:$port$path"; done
  sleep 0.3; before=$(wc -l <"$work/pg.log")
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "http://127.0.0.1:$port$path")
  sleep 0.3
  tail -n +"$((before + 1))" "$work/pg.log" | grep -E "^gn_app\|LOG: +(statement|execute)" >"$work/one.log" || true
  printf "%-46s %6s %11s %11s %11s\n" "$path" "$code" "$(wc -l <"$work/one.log")" "$(grep -c "set_config" "$work/one.log" || true)" "$(grep -c "DISCARD ALL" "$work/one.log" || true)"
  if [ -n "${GN_BENCH_SHOW:-}" ]; then cut -c1-160 "$work/one.log" | sed "s/^/      /"; fi
done
echo "server RSS: $(bench_rss) MiB"
