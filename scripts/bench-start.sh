#!/usr/bin/env bash
# On-demand benchmark (not a test) of the first hits after start-up and of memory, on PostgreSQL with row-level
# security in force (issue 15). Starts a throwaway PostgreSQL cluster on loopback, migrates with the real `migrate`
# command and seeds the demo by one start of the app; then, for each of two fresh starts of the app (Release, under the
# application role gn_app):
#   time until /health/ready answers 200 (the warm-up is part of it), the demo sign-in of Bo (DPO) and Stina (e-strateg),
#   the FIRST request to each main page (goal: ≤ 300 ms) and the median of the next 20, the server's RSS;
#   a probe phase: PROBES requests (default 2,000), 16 at a time, with large and malformed bodies to forms and the API
#   (values at the 4 MB limit, too many fields, NUL, 1 MB JSON strings, broken JSON, bodies over the 30 MB limit),
#   then the server's RSS again (goal: ≤ 300 MiB).
# Usage: scripts/bench-start.sh [PROBES=2000] [STARTS=2]    (needs postgresql from Debian: see scripts/test.sh)
# The probe runs after the last start's pages (PROBES=0: none).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
probes="${1:-2000}"
starts="${2:-2}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
work="$(mktemp -d /tmp/gn-bench.XXXXXX)"
chown postgres:postgres "$work" 2>/dev/null || true
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgport=$(( 40000 + RANDOM % 10000 )); port=$(( 50000 + RANDOM % 10000 ))
as_pg "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$work/data" -o "-k $work -p $pgport -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" -l "$work/pg.log" -w start >/dev/null
pid=""
# BENCH_LOGS=dir keeps the app's logs there.
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "${BENCH_LOGS:-}" ] && mkdir -p "$BENCH_LOGS" && cp "$work"/*.log "$BENCH_LOGS"/; as_pg "$bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
psql() { "$bin/psql" -h 127.0.0.1 -p "$pgport" -U "${PGUSER:-postgres}" -d "${PGDB:-gn}" -v ON_ERROR_STOP=1 -q "$@"; }
PGDB=postgres psql -c "CREATE ROLE gn_owner LOGIN PASSWORD 'bench'" -c "CREATE ROLE gn_app LOGIN NOBYPASSRLS PASSWORD 'bench'" -c "CREATE DATABASE gn OWNER gn_owner"

export Database__Provider=Postgres Database__ApplicationRole=gn_app Demo__Enabled=true
export ConnectionStrings__Owner="Host=127.0.0.1;Port=$pgport;Username=gn_owner;Password=bench;Database=gn"
export ConnectionStrings__App="Host=127.0.0.1;Port=$pgport;Username=gn_app;Password=bench;Database=gn"
export PersonalData__HashKey="YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW9uLTMyYnl0ZXMhIQ=="
export ASPNETCORE_ENVIRONMENT=Development
# The probe is many requests from one address: the anonymous API's rate limit must not answer them instead of the app.
export RateLimit__AnonymousApiPermits=1000000 RateLimit__SignInPermits=1000000
dotnet build "$root/src/GemensamNamnd.Web" -c Release -v quiet -nologo >/dev/null
dll="$root/src/GemensamNamnd.Web/bin/Release/net10.0/GemensamNamnd.Web.dll"
# Migrations by the `migrate` command; the demo by one start of the app (its seeding has every feature's services).
Demo__Enabled=false dotnet "$dll" migrate --contentRoot "$root/src/GemensamNamnd.Web" >"$work/migrate.log" 2>&1 || { tail -n 30 "$work/migrate.log" >&2; exit 1; }
Database__MigrateOnStartup=true dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/GemensamNamnd.Web" >"$work/seed.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/seed.log" >&2; exit 1; }; sleep 0.2; done
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

# The probe's bodies, made once: [content type] [file] [path] by line in $work/probes.
mkdir -p "$work/p"
head -c 4000000 /dev/zero | tr '\0' 'a' | sed 's/^/Description=/' >"$work/p/value-4mb"
head -c 1048000 /dev/zero | tr '\0' 'b' | sed 's/^/{"requesterName":"/;s/$/","channel":"Letter"}/' >"$work/p/json-1mb"
seq 1 3000 | sed 's/^/f&=x/' | paste -sd '&' >"$work/p/fields-3000"
printf 'Description=a%%00b&RequesterName=x' >"$work/p/nul"
{ printf '{"requesterName": ['; head -c 1000000 /dev/zero | tr '\0' '['; } >"$work/p/json-broken-1mb"
head -c 32000000 /dev/zero | tr '\0' 'c' | sed 's/^/Description=/' >"$work/p/over-30mb"
form=application/x-www-form-urlencoded json=application/json
cat >"$work/probes" <<EOF
$form value-4mb /ostersund/begaranden/ny
$json json-1mb /api/v1/ostersund/requests
$form fields-3000 /ostersund/incidenter/ny
$form nul /ostersund/begaranden/ny
$json json-broken-1mb /api/v1/ostersund/breaches
$form value-4mb /ostersund/personuppgiftsansvariga/ny
$form nul /ostersund/incidenter/ny
$json json-1mb /api/v1/ostersund/requests
$form over-30mb /ostersund/begaranden/ny
$form fields-3000 /ostersund/dataskyddsombud/uppdrag/ny
EOF

sign_in() { # $1 cookie jar, $2 the demo user's first name
  curl -s -c "$1" -b "$1" "http://127.0.0.1:$port/demo/logga-in" >"$work/demo.html"
  local token user
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/demo.html" | head -1 | sed 's/.*value="//;s/"$//')
  user=$(grep -o "name=\"userId\" value=\"[^\"]*\" aria-label=\"Logga in som $2" "$work/demo.html" | sed 's/.*value="//;s/".*//')
  curl -s -o /dev/null -c "$1" -b "$1" -X POST -d "__RequestVerificationToken=$token&userId=$user" "http://127.0.0.1:$port/demo/logga-in"
}
ms() { awk -v t="$1" 'BEGIN { printf "%.0f", t * 1000 }'; }
rss() { echo "$(( $(ps -o rss= -p "$pid") / 1024 ))"; }

for run in $(seq 1 "$starts"); do
  echo; echo "start $run:"
  t0=$(date +%s%N)
  Hangfire__ServerEnabled=true Database__MigrateOnStartup=false dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/GemensamNamnd.Web" >"$work/app$run.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; do kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/app$run.log" >&2; exit 1; }; sleep 0.05; done
  live=$(( ($(date +%s%N) - t0) / 1000000 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/app$run.log" >&2; exit 1; }; sleep 0.05; done
  echo "  /health/live after $live ms, /health/ready after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  ts=$(date +%s%N); sign_in "$work/bo" Bo; sign_in "$work/stina" Stina
  echo "  demo sign-in of Bo and Stina: $(( ($(date +%s%N) - ts) / 1000000 )) ms"
  echo "  first request, then median of the next 20 (goal: first ≤ 300 ms):"
  for page in "bo /ostersund/dataskyddsombud" "stina /dataskyddsombud" "stina /mognad" "bo /ostersund/incidenter/statistik" \
              "bo /ostersund/begaranden" "bo /ostersund"; do
    set -- $page
    read -r code first < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$work/$1" "http://127.0.0.1:$port$2")
    median=$(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' -b "$work/$1" "http://127.0.0.1:$port$2"; done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}')
    printf '    %-36s %s  first %5s ms  median %6s ms\n' "$2 ($1)" "$code" "$(ms "$first")" "$median"
  done
  echo "  server RSS after the pages: $(rss) MiB"
  if [ "$run" -eq "$starts" ] && [ "$probes" -gt 0 ]; then
  tp=$(date +%s%N)
  export GN_PORT=$port
  seq 1 "$probes" | awk -v n="$(wc -l <"$work/probes")" '{print (NR - 1) % n + 1}' |
    xargs -P 16 -I{} sh -c 'set -- $(sed -n "{}p" "$0/probes"); curl -s -o /dev/null -w "%{http_code}\n" -b "$0/bo" -H "Content-Type: $1" --data-binary "@$0/p/$2" "http://127.0.0.1:$GN_PORT$3" 2>/dev/null || echo 000' "$work" >"$work/probe-codes" || true
  echo "  probe: $probes requests in $(( ($(date +%s%N) - tp) / 1000000 )) ms, answers: $(sort "$work/probe-codes" | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
  echo "  server RSS after the probe: $(rss) MiB   (goal: ≤ 300 MiB)"
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/bo" "http://127.0.0.1:$port/ostersund")
  echo "  /ostersund after the probe: $code; server RSS $(rss) MiB"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done
