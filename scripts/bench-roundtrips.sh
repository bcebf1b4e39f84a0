#!/usr/bin/env bash
# On-demand benchmark (not a test): how many database round trips one page request costs. Starts a throwaway
# PostgreSQL cluster on loopback with every statement logged, migrates with the real `migrate` command, starts the app
# (Release) under the application role with the demo data, signs in as the demo DPO and, for each page, after a
# warm-up, counts the statements one request sends: all of them, the `set_config` that sets the party on a connection
# (one per connection lease), and the pool's `DISCARD ALL` resets.
# Usage: scripts/bench-roundtrips.sh     (needs postgresql from Debian: see scripts/test.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
work="$(mktemp -d /tmp/gn-trips.XXXXXX)"
chown postgres:postgres "$work" 2>/dev/null || true
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgport=$(( 40000 + RANDOM % 10000 )); port=$(( 50000 + RANDOM % 10000 ))
as_pg "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$work/data" -o "-k $work -p $pgport -c listen_addresses=127.0.0.1 -c log_statement=all -c log_line_prefix='' -c log_min_duration_statement=-1" -l "$work/pg.log" -w start >/dev/null
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; as_pg "$bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
psql() { "$bin/psql" -h 127.0.0.1 -p "$pgport" -U "${PGUSER:-postgres}" -d "${PGDB:-gn}" -v ON_ERROR_STOP=1 -q "$@"; }
PGDB=postgres psql -c "CREATE ROLE gn_owner LOGIN PASSWORD 'bench'" -c "CREATE ROLE gn_app LOGIN NOBYPASSRLS PASSWORD 'bench'" -c "CREATE DATABASE gn OWNER gn_owner"

export Database__Provider=Postgres Database__ApplicationRole=gn_app Demo__Enabled=true
export ConnectionStrings__Owner="Host=127.0.0.1;Port=$pgport;Username=gn_owner;Password=bench;Database=gn"
export ConnectionStrings__App="Host=127.0.0.1;Port=$pgport;Username=gn_app;Password=bench;Database=gn"
export PersonalData__HashKey="YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW9uLTMyYnl0ZXMhIQ=="
export ASPNETCORE_ENVIRONMENT=Development
dotnet build "$root/src/GemensamNamnd.Web" -c Release -v quiet -nologo >/dev/null
dll="$root/src/GemensamNamnd.Web/bin/Release/net10.0/GemensamNamnd.Web.dll"
dotnet "$dll" migrate --contentRoot "$root/src/GemensamNamnd.Web" >"$work/migrate.log" 2>&1
Database__MigrateOnStartup=false dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/GemensamNamnd.Web" >"$work/app.log" 2>&1 &
pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; do sleep 0.2; done
jar="$work/cookies"
curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/demo/logga-in" >"$work/demo.html"
token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/demo.html" | head -1 | sed 's/.*value="//;s/"$//')
user=$(grep -o 'name="userId" value="[^"]*" aria-label="Logga in som Bo' "$work/demo.html" | sed 's/.*value="//;s/".*//')
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST -d "__RequestVerificationToken=$token&userId=$user" "http://127.0.0.1:$port/demo/logga-in"
case_id=$(PGUSER=gn_owner psql -tAc "SELECT r.id FROM requests r JOIN parties p ON p.id = r.party_id WHERE p.slug = 'ostersund' AND NOT r.protected_identity ORDER BY r.case_number LIMIT 1")

printf "%-46s %6s %11s %11s %11s\n" "page (one request, signed in as the DPO)" "status" "statements" "set_config" "DISCARD ALL"
for path in "/ostersund/begaranden" "/ostersund/begaranden/$case_id" "/ostersund/incidenter" "/ostersund" "/api/v1/ostersund/requests"; do
  for _ in $(seq 1 5); do curl -s -o /dev/null -b "$jar" "http://127.0.0.1:$port$path"; done
  sleep 0.3; before=$(wc -l <"$work/pg.log")
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "http://127.0.0.1:$port$path")
  sleep 0.3
  tail -n +"$((before + 1))" "$work/pg.log" | grep -E "^(LOG|STATEMENT|DETAIL)?:? *(statement|execute)" >"$work/one.log" || true
  printf "%-46s %6s %11s %11s %11s\n" "$path" "$code" "$(wc -l <"$work/one.log")" "$(grep -c "set_config" "$work/one.log" || true)" "$(grep -c "DISCARD ALL" "$work/one.log" || true)"
done
