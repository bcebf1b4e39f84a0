#!/usr/bin/env bash
# On-demand benchmark (not a test) of the first hits after start-up and of memory, on PostgreSQL with row-level
# security in force (issue 15). Starts a throwaway PostgreSQL cluster on loopback, migrates with the real `migrate`
# command and seeds the demo by one start of the app; then, for each of two fresh starts of the app (Release, under the
# application role gn_app):
#   time until /health/ready answers 200 (the warm-up is part of it), the demo sign-in of Bo (DPO) and Stina (e-strateg),
#   the FIRST request to each main page (goal: ≤ 300 ms) and the median of the next 20, the server's RSS;
#   a probe phase: PROBES requests (default 2,000), 16 at a time, with large and malformed bodies to forms and the API
#   (4 MB values, too many fields, NUL, 1 MB JSON strings, broken JSON, 32 MB bodies: InputGuard's limits are 1 MB a
#   value and 4 MB a body),
#   then the server's RSS again (goal: ≤ 300 MiB).
# Usage: scripts/bench-start.sh [PROBES=2000] [STARTS=2]    (needs postgresql from Debian: see scripts/test.sh;
# GN_BENCH_KEEP=1 keeps the work directory with the app logs)
# The probe runs after the last start's pages (PROBES=0: none).
probes="${1:-2000}"
starts="${2:-2}"
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_postgres
# The probe is many requests from one address: the anonymous API's rate limit must not answer them instead of the app.
export RateLimit__AnonymousApiPermits=1000000 RateLimit__SignInPermits=1000000
bench_migrate

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

ms() { awk -v t="$1" 'BEGIN { printf "%.0f", t * 1000 }'; }

for run in $(seq 1 "$starts"); do
  echo; echo "start $run:"
  t0=$(date +%s%N)
  Hangfire__ServerEnabled=true Database__MigrateOnStartup=false dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/GemensamNamnd.Web" >"$work/app$run.log" 2>&1 &
  pid=$!; pids+=("$pid")
  until curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; do kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/app$run.log" >&2; exit 1; }; sleep 0.05; done
  live=$(( ($(date +%s%N) - t0) / 1000000 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/app$run.log" >&2; exit 1; }; sleep 0.05; done
  echo "  /health/live after $live ms, /health/ready after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  ts=$(date +%s%N); bench_sign_in "$work/bo" Bo; bench_sign_in "$work/stina" Stina
  echo "  demo sign-in of Bo and Stina: $(( ($(date +%s%N) - ts) / 1000000 )) ms"
  echo "  first request, then median of the next 20 (goal: first ≤ 300 ms):"
  for page in "bo /ostersund/dataskyddsombud" "stina /dataskyddsombud" "stina /mognad" "bo /ostersund/incidenter/statistik" \
              "bo /ostersund/begaranden" "bo /ostersund"; do
    set -- $page
    read -r code first < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$work/$1" "http://127.0.0.1:$port$2")
    median=$(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' -b "$work/$1" "http://127.0.0.1:$port$2"; done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}')
    printf '    %-36s %s  first %5s ms  median %6s ms\n' "$2 ($1)" "$code" "$(ms "$first")" "$median"
  done
  echo "  server RSS after the pages: $(bench_rss) MiB"
  if [ "$run" -eq "$starts" ] && [ "$probes" -gt 0 ]; then
  tp=$(date +%s%N)
  export GN_PORT=$port
  seq 1 "$probes" | awk -v n="$(wc -l <"$work/probes")" '{print (NR - 1) % n + 1}' |
    xargs -P 16 -I{} sh -c 'set -- $(sed -n "{}p" "$0/probes"); curl -s -o /dev/null -w "%{http_code}\n" -b "$0/bo" -H "Content-Type: $1" --data-binary "@$0/p/$2" "http://127.0.0.1:$GN_PORT$3" 2>/dev/null || echo 000' "$work" >"$work/probe-codes" || true
  echo "  probe: $probes requests in $(( ($(date +%s%N) - tp) / 1000000 )) ms, answers: $(sort "$work/probe-codes" | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
  echo "  server RSS after the probe: $(bench_rss) MiB   (goal: ≤ 300 MiB)"
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/bo" "http://127.0.0.1:$port/ostersund")
  echo "  /ostersund after the probe: $code; server RSS $(bench_rss) MiB"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
