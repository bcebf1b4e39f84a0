#!/usr/bin/env bash
# On-demand benchmark (not a test) of the requests register at scale, on PostgreSQL with row-level security in force:
# 311 parties, 100,000 requests (with 2 timeline events each) in Östersund and 50 in every other party. Starts a
# throwaway PostgreSQL cluster on loopback, migrates with the real `migrate` command, bulk-loads with SQL, starts the
# app (Release) under the application role, signs in as the demo DPO and prints the median and p95 of the list page
# (several filters and deep pages) and the case page over N sequential requests, then the query plans of the list.
# Usage: scripts/bench-requests.sh [N=200]     (needs postgresql from Debian: see scripts/test.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-200}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
work="$(mktemp -d /tmp/gn-bench.XXXXXX)"
chown postgres:postgres "$work" 2>/dev/null || true
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgport=$(( 40000 + RANDOM % 10000 )); port=$(( 50000 + RANDOM % 10000 ))
as_pg "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$work/data" -o "-k $work -p $pgport -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" -l "$work/pg.log" -w start >/dev/null
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; as_pg "$bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
psql() { "$bin/psql" -h 127.0.0.1 -p "$pgport" -U "${PGUSER:-postgres}" -d "${PGDB:-gn}" -v ON_ERROR_STOP=1 -q "$@"; }
PGDB=postgres psql -c "CREATE ROLE gn_owner LOGIN PASSWORD 'bench'" -c "CREATE ROLE gn_app LOGIN NOBYPASSRLS PASSWORD 'bench'" -c "CREATE DATABASE gn OWNER gn_owner"

export Database__Provider=Postgres Database__ApplicationRole=gn_app Demo__Enabled=true Demo__Cases=false
export ConnectionStrings__Owner="Host=127.0.0.1;Port=$pgport;Username=gn_owner;Password=bench;Database=gn"
export ConnectionStrings__App="Host=127.0.0.1;Port=$pgport;Username=gn_app;Password=bench;Database=gn"
export PersonalData__HashKey="YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW9uLTMyYnl0ZXMhIQ=="
export ASPNETCORE_ENVIRONMENT=Development
dotnet build "$root/src/GemensamNamnd.Web" -c Release -v quiet -nologo >/dev/null
dll="$root/src/GemensamNamnd.Web/bin/Release/net10.0/GemensamNamnd.Web.dll"
dotnet "$dll" migrate --contentRoot "$root/src/GemensamNamnd.Web" >"$work/migrate.log" 2>&1

echo "loading 302 more parties, 100,000 requests in ostersund and 50 in every other party …"
t0=$(date +%s)
PGUSER=gn_owner psql <<'SQL'
INSERT INTO parties (id, slug, name, kind, entra_tenant_ids, is_active, "Settings")
SELECT gen_random_uuid(), 'bench-' || i, 'Bänkkommun ' || i, 'Kommun', '{}', true, (SELECT "Settings" FROM parties WHERE slug = 'ostersund')
FROM generate_series(1, 302) i;
-- Each party gets one controller if it has none.
INSERT INTO data_controllers (id, party_id, name, kind, is_active, version)
SELECT gen_random_uuid(), p.id, 'Kommunstyrelsen', 'Namnd', true, gen_random_uuid()
FROM parties p WHERE NOT EXISTS (SELECT 1 FROM data_controllers c WHERE c.party_id = p.id);
CREATE TEMP TABLE bench_load AS
SELECT p.id AS party_id, (SELECT c.id FROM data_controllers c WHERE c.party_id = p.id ORDER BY c.name LIMIT 1) AS controller_id,
       CASE WHEN p.slug = 'ostersund' THEN 100000 ELSE 50 END AS how_many
FROM parties p;
INSERT INTO requests (id, party_id, case_number, received_at, channel, controller_id, rights, requester_name, email, protected_identity,
                      status, clock_start_on, due_on, extended_due_on, effective_due_on, version, assigned_officer_id)
SELECT gen_random_uuid(), b.party_id, 'BENCH ' || (2020 + i % 7) || '/' || lpad(i::text, 6, '0'),
       r.received, (ARRAY['Letter','Email','EService','Visit','Phone'])[1 + i % 5], b.controller_id, 1 << (i % 6),
       'Person ' || i, 'person' || i || '@example.se', i % 97 = 0,
       s.status, r.received::date, (r.received + interval '1 month')::date, (r.received + interval '3 months')::date,
       CASE WHEN s.status = 'Extended' THEN (r.received + interval '3 months')::date ELSE (r.received + interval '1 month')::date END,
       gen_random_uuid(), NULL
FROM bench_load b
CROSS JOIN LATERAL generate_series(1, b.how_many) i
CROSS JOIN LATERAL (SELECT now() - (i % 1500) * interval '1 day' AS received) r
CROSS JOIN LATERAL (SELECT (ARRAY['Registered','IdentityCheck','InProgress','Extended','Answered','Answered','Answered','Refused','Withdrawn','Answered'])[1 + i % 10] AS status) s;
INSERT INTO request_events (id, party_id, request_id, at, actor_name, text)
SELECT gen_random_uuid(), r.party_id, r.id, r.received_at + e * interval '1 day', 'Bänk Bänksson', 'Händelse ' || e || ' i ärendet.'
FROM requests r CROSS JOIN generate_series(1, 2) e;
ANALYZE;
SQL
echo "loaded in $(( $(date +%s) - t0 )) s: $(PGUSER=gn_owner psql -tAc "SELECT count(*) FROM parties") parties, $(PGUSER=gn_owner psql -tAc "SELECT count(*) FROM requests") requests"

Database__MigrateOnStartup=false dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/GemensamNamnd.Web" >"$work/app.log" 2>&1 &
pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; do sleep 0.2; done
jar="$work/cookies"
curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/demo/logga-in" >"$work/demo.html"
token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/demo.html" | head -1 | sed 's/.*value="//;s/"$//')
user=$(grep -o 'name="userId" value="[^"]*" aria-label="Logga in som Bo' "$work/demo.html" | sed 's/.*value="//;s/".*//')
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST -d "__RequestVerificationToken=$token&userId=$user" "http://127.0.0.1:$port/demo/logga-in"
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
echo "server RSS: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"

echo; echo "query plans as the application role, with the party set as the app sets it (row-level security in force):"
plan() { PGUSER=gn_app PGPASSWORD=bench psql -c "SELECT set_config('app.party_id', '$tenant', false);" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $1" | grep -E "Index|Seq Scan|Execution Time|Sort|Limit" | sed 's/^/    /'; }
echo "  open cases, first page:"
plan "SELECT id FROM requests WHERE party_id = '$tenant' AND status NOT IN ('Answered','Refused','Withdrawn') ORDER BY effective_due_on, case_number, id LIMIT 51"
echo "  one status, page 40:"
plan "SELECT id FROM requests WHERE party_id = '$tenant' AND status = 'InProgress' ORDER BY effective_due_on, case_number, id OFFSET 1950 LIMIT 51"
echo "  the case and its timeline:"
plan "SELECT * FROM request_events WHERE party_id = '$tenant' AND request_id = '$case_id' ORDER BY at DESC"
