#!/usr/bin/env bash
# On-demand benchmark (not a test) of the e-strateg's maturity comparison at scale, on PostgreSQL: 311 parties with five
# years of register data each (40 requests, 8 breaches and a drill a year; a DPO allocation) and five self-assessment
# rounds answered by every party. Starts a throwaway PostgreSQL cluster on loopback, migrates with the real `migrate`
# command, bulk-loads with SQL, then:
#   cold: restarts PostgreSQL (empty shared buffers) and the app (Release), signs in as the demo e-strateg and loads
#         /mognad once; prints the sum of the page's SQL command times as EF Core logged them (the goal: ≤ 150 ms), and
#         the whole first response (which also pays the app's first-request costs);
#   warm: median and p95 of /mognad over N sequential requests;
#   and the plan of the largest query (the requests of the year and every open request, across parties).
# Usage: scripts/bench-maturity.sh [N=50]     (needs postgresql from Debian: see scripts/test.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-50}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
work="$(mktemp -d /tmp/gn-bench.XXXXXX)"
chown postgres:postgres "$work" 2>/dev/null || true
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgport=$(( 40000 + RANDOM % 10000 )); port=$(( 50000 + RANDOM % 10000 ))
as_pg "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_start() { as_pg "$bin/pg_ctl" -D "$work/data" -o "-k $work -p $pgport -c listen_addresses=127.0.0.1 -c shared_buffers=256MB ${1:-}" -l "$work/pg.log" -w start >/dev/null; }
pg_stop() { as_pg "$bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; }
pg_start
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; pg_stop; rm -rf "$work"' EXIT
psql() { "$bin/psql" -h 127.0.0.1 -p "$pgport" -U "${PGUSER:-postgres}" -d "${PGDB:-gn}" -v ON_ERROR_STOP=1 -q "$@"; }
PGDB=postgres psql -c "CREATE ROLE gn_owner LOGIN PASSWORD 'bench'" -c "CREATE ROLE gn_app LOGIN NOBYPASSRLS PASSWORD 'bench'" -c "CREATE DATABASE gn OWNER gn_owner"

export Database__Provider=Postgres Database__ApplicationRole=gn_app Demo__Enabled=true Demo__Cases=false
export ConnectionStrings__Owner="Host=127.0.0.1;Port=$pgport;Username=gn_owner;Password=bench;Database=gn"
export ConnectionStrings__App="Host=127.0.0.1;Port=$pgport;Username=gn_app;Password=bench;Database=gn"
export PersonalData__HashKey="YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW9uLTMyYnl0ZXMhIQ=="
export ASPNETCORE_ENVIRONMENT=Development
dotnet build "$root/src/GemensamNamnd.Web" -c Release -v quiet -nologo >/dev/null
dll="$root/src/GemensamNamnd.Web/bin/Release/net10.0/GemensamNamnd.Web.dll"
# Migrations by the `migrate` command; the demo (users, the e-strateg) by one start of the app, whose seeding has every
# feature's services (the migrate-only host lacks the breach commands the demo breaches go through).
Demo__Enabled=false dotnet "$dll" migrate --contentRoot "$root/src/GemensamNamnd.Web" >"$work/migrate.log" 2>&1 || { tail -n 30 "$work/migrate.log" >&2; exit 1; }
Database__MigrateOnStartup=true dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/GemensamNamnd.Web" >"$work/seed.log" 2>&1 &
pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; do kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/seed.log" >&2; exit 1; }; sleep 0.2; done
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
year=$(date +%Y)

echo "loading 302 more parties and five years ($((year - 4))–$year) of register data and rounds for all 311 …"
t0=$(date +%s)
PGUSER=gn_owner psql -v year="$year" <<'SQL'
INSERT INTO parties (id, slug, name, kind, entra_tenant_ids, is_active, "Settings")
SELECT gen_random_uuid(), 'bench-' || i, 'Bänkkommun ' || i, 'Kommun', '{}', true, (SELECT "Settings" FROM parties WHERE slug = 'ostersund')
FROM generate_series(1, 302) i;
INSERT INTO data_controllers (id, party_id, name, kind, is_active, version)
SELECT gen_random_uuid(), p.id, c.name, 'Namnd', true, gen_random_uuid()
FROM parties p CROSS JOIN (VALUES ('Kommunstyrelsen'), ('Socialnämnden'), ('Barn- och utbildningsnämnden')) c(name)
WHERE NOT EXISTS (SELECT 1 FROM data_controllers d WHERE d.party_id = p.id);
CREATE TEMP TABLE bench_party AS
SELECT p.id AS party_id, row_number() OVER (ORDER BY p.slug) AS n,
       (SELECT c.id FROM data_controllers c WHERE c.party_id = p.id ORDER BY c.name LIMIT 1) AS controller_id,
       (SELECT array_agg(c.id) FROM data_controllers c WHERE c.party_id = p.id) AS controllers
FROM parties p;

-- 40 requests a party a year, five years: received through the year, answered after 3–52 days, some open, some extended.
INSERT INTO requests (id, party_id, case_number, received_at, channel, controller_id, rights, requester_name, email, protected_identity,
                      status, clock_start_on, due_on, extended_due_on, effective_due_on, answered_on, version)
SELECT gen_random_uuid(), b.party_id, 'BENCH ' || y || '/' || lpad(i::text, 4, '0'), r.received, 'Letter', b.controller_id, 1,
       'Person ' || i, 'person' || i || '@example.se', false, s.status, r.received::date,
       (r.received + interval '1 month')::date, (r.received + interval '3 months')::date,
       CASE WHEN i % 13 = 0 THEN (r.received + interval '3 months')::date ELSE (r.received + interval '1 month')::date END,
       CASE WHEN s.status IN ('Answered', 'Refused') THEN (r.received + (3 + (i * 7 + b.n) % 50) * interval '1 day')::date END,
       gen_random_uuid()
FROM bench_party b
CROSS JOIN generate_series(:year - 4, :year) y
CROSS JOIN LATERAL generate_series(1, 40) i
CROSS JOIN LATERAL (SELECT make_timestamptz(y, 1, 1, 9, 0, 0, 'Europe/Stockholm') + ((i * 9 + b.n) % 330) * interval '1 day' AS received) r
CROSS JOIN LATERAL (SELECT CASE WHEN r.received > now() - interval '40 days' AND i % 3 = 0 THEN 'InProgress'
                                WHEN i % 19 = 0 THEN 'Withdrawn' WHEN i % 11 = 0 THEN 'Refused' ELSE 'Answered' END AS status) s
WHERE r.received < now();

-- 8 breaches a party a year: most reportable, reported after 6–100 hours; some high risk with the Art. 34 notice.
INSERT INTO breaches (id, party_id, case_number, controller_ids, title, aware_at, description, types, cause, data_kinds,
                      imy_deadline_at, status, version, reportable, reported_at, risk, subject_notice_sent_at)
SELECT gen_random_uuid(), b.party_id, 'INC ' || y || '/' || lpad(i::text, 4, '0'), ARRAY[b.controller_id], 'Incident', a.aware,
       'Beskrivning', 1, 'Other', 1, a.aware + interval '72 hours', CASE WHEN i % 4 = 0 THEN 'Closed' ELSE 'ReportedToImy' END,
       gen_random_uuid(), i % 4 <> 0, CASE WHEN i % 4 <> 0 THEN a.aware + ((6 + (i * 13 + b.n) % 95) * interval '1 hour') END,
       CASE WHEN i % 4 = 0 THEN 'NoRisk' WHEN i % 3 = 0 THEN 'HighRisk' ELSE 'Risk' END,
       CASE WHEN i % 3 = 0 AND i % 4 <> 0 AND b.n % 2 = 0 THEN a.aware + interval '4 days' END
FROM bench_party b
CROSS JOIN generate_series(:year - 4, :year) y
CROSS JOIN LATERAL generate_series(1, 8) i
CROSS JOIN LATERAL (SELECT make_timestamptz(y, 1, 10, 10, 0, 0, 'Europe/Stockholm') + ((i * 41 + b.n) % 320) * interval '1 day' AS aware) a
WHERE a.aware < now();

INSERT INTO drills (id, party_id, held_on, scenario, participants, version)
SELECT gen_random_uuid(), b.party_id, make_date(y, 1 + (b.n % 12)::int, 15), 'Utskick till fel mottagare', 'IT, registratur', gen_random_uuid()
FROM bench_party b CROSS JOIN generate_series(:year - 4, :year) y
WHERE make_date(y, 1 + (b.n % 12)::int, 15) <= current_date AND b.n % 7 <> 0;

INSERT INTO dpo_persons (id, name, other_roles, is_active, version)
SELECT ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'Ombud ' || i, CASE WHEN i % 9 = 0 THEN ARRAY['IT-chef'] ELSE '{}' END, true, gen_random_uuid()
FROM generate_series(1, 100) i;
INSERT INTO dpo_allocations (id, party_id, person_id, role, controller_ids, share_percent, starts_on, reports_to, reporting_level, imy_reported_on, version)
SELECT gen_random_uuid(), b.party_id, ('00000000-0000-4000-8000-' || lpad((1 + b.n % 100)::text, 12, '0'))::uuid, 'Ordinarie',
       CASE WHEN b.n % 5 = 0 THEN b.controllers[1:1] ELSE b.controllers END, 10 + (b.n % 4) * 10, make_date(:year - 4, 1, 1),
       'Kommunstyrelsen', CASE WHEN b.n % 6 = 0 THEN 'BelowHighestManagement' ELSE 'HighestManagement' END, make_date(:year - 4, 1, 10), gen_random_uuid()
FROM bench_party b;

-- Five rounds with the six default dimensions, the last one open; every party answers every round.
INSERT INTO maturity_rounds (id, year, closes_on, status, version, "Dimensions")
SELECT gen_random_uuid(), y, make_date(y, 11, 30), CASE WHEN y = :year THEN 'Open' ELSE 'Closed' END, gen_random_uuid(),
       (SELECT jsonb_agg(jsonb_build_object('Key', k, 'Title', 'Dimension ' || k, 'Question', 'Fråga?', 'Level1', 'Ett', 'Level2', 'Två',
                                            'Level3', 'Tre', 'Level4', 'Fyra', 'Level5', 'Fem') ORDER BY o)
        FROM unnest(ARRAY['requests','incidents','dpo','training','records','resilience']) WITH ORDINALITY d(k, o))
FROM generate_series(:year - 4, :year) y;
INSERT INTO maturity_answers (id, party_id, round_id, submitted_at, version, "Items")
SELECT gen_random_uuid(), b.party_id, r.id, make_timestamptz(r.year, 11, 1, 9, 0, 0, 'UTC'), gen_random_uuid(),
       (SELECT jsonb_agg(jsonb_build_object('Key', k, 'Level', 1 + (b.n + o + (r.year - (:year - 4))) % 5, 'Justification', 'Motivering.') ORDER BY o)
        FROM unnest(ARRAY['requests','incidents','dpo','training','records','resilience']) WITH ORDINALITY d(k, o))
FROM bench_party b CROSS JOIN maturity_rounds r;
ANALYZE parties, data_controllers, requests, breaches, drills, dpo_persons, dpo_allocations, maturity_rounds, maturity_answers;
SQL
echo "loaded in $(( $(date +%s) - t0 )) s: $(PGUSER=gn_owner psql -tAc "SELECT count(*) FROM parties") parties, $(PGUSER=gn_owner psql -tAc "SELECT count(*) FROM requests") requests, $(PGUSER=gn_owner psql -tAc "SELECT count(*) FROM breaches") breaches, $(PGUSER=gn_owner psql -tAc "SELECT count(*) FROM drills") drills, $(PGUSER=gn_owner psql -tAc "SELECT count(*) FROM maturity_answers") answers"

# Cold: PostgreSQL restarted (its buffers empty; the OS file cache stays) and logging every statement's duration, the
# app started afresh.
pg_stop; pg_start "-c log_min_duration_statement=0"
# No Hangfire server or mail dispatcher: only the page's statements reach the log.
Hangfire__ServerEnabled=false Database__MigrateOnStartup=false dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/GemensamNamnd.Web" >"$work/app.log" 2>&1 &
pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; do kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/app.log" >&2; exit 1; }; sleep 0.2; done
jar="$work/cookies"
curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/demo/logga-in" >"$work/demo.html"
token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/demo.html" | head -1 | sed 's/.*value="//;s/"$//')
user=$(grep -o 'name="userId" value="[^"]*" aria-label="Logga in som Stina' "$work/demo.html" | sed 's/.*value="//;s/".*//')
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST -d "__RequestVerificationToken=$token&userId=$user" "http://127.0.0.1:$port/demo/logga-in"
sleep 1
before=$(wc -l <"$work/pg.log")
read -r code total < <(curl -s -o "$work/page.html" -w '%{http_code} %{time_total}\n' -b "$jar" "http://127.0.0.1:$port/mognad")
sleep 1
echo; echo "cold (PostgreSQL and the app just started), GET /mognad as the e-strateg → $code:"
# PostgreSQL's own durations (parse, bind and execute of each statement), and per statement the table it reads first.
tail -n +"$((before + 1))" "$work/pg.log" | awk '
  function flush() { if (pend) { per[t] += pd; cnt[t]++ } pend = 0 }
  /duration: [0-9.]+ ms/ { flush(); match($0, /duration: [0-9.]+/); d = substr($0, RSTART + 10, RLENGTH - 10); total += d
    if ($0 ~ /execute|statement:/) { n++; pend = 1; pd = d; t = "?"; if ($0 ~ /set_config/) t = "set_config (party)" } }
  pend && t == "?" && /FROM / { match($0, /FROM [^ ]+/); t = substr($0, RSTART + 5, RLENGTH - 5) }
  END { flush(); printf "  SQL statements: %d, server time %.1f ms in all (parse + bind + execute)   goal <= 150 ms\n", n, total
        for (k in per) printf "    %-34s %3d statement(s) %7.1f ms\n", k, cnt[k], per[k] }'
echo "  whole first response: $(awk -v t="$total" 'BEGIN { printf "%.0f", t * 1000 }') ms (includes the app's first-request costs: EF model, query compilation, Razor)"
grep -q "Regional median" "$work/page.html" || { echo "the page did not render the comparison" >&2; exit 1; }

echo "warm: median and p95 over $n sequential requests (after 5 warm-up):"
for path in "/mognad" "/mognad?ar=$((year - 2))" "/mognad?handler=xlsx&ar=$year"; do
  for _ in $(seq 1 5); do curl -s -o /dev/null -b "$jar" "http://127.0.0.1:$port$path"; done
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "http://127.0.0.1:$port$path"; done | sort -n |
    awk -v p="$path" '{a[NR]=$1} END {printf "  %-40s median %6.1f ms  p95 %6.1f ms\n", p, a[int((NR+1)/2)]*1000, a[int(NR*0.95)]*1000}'
done
echo "server RSS: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"

echo; echo "plan of the largest query (owner role, the explicit cross-party path):"
PGUSER=gn_owner psql -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT party_id, received_at, due_on, effective_due_on, answered_on, status FROM requests
  WHERE (received_at >= make_timestamptz($year, 1, 1, 0, 0, 0, 'Europe/Stockholm') AND received_at < make_timestamptz($((year + 1)), 1, 1, 0, 0, 0, 'Europe/Stockholm'))
     OR status IN ('Registered', 'IdentityCheck', 'InProgress', 'Extended')" | grep -E "Scan|Execution Time|Buffers" | sed 's/^/    /'
