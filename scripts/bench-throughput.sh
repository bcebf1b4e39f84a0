#!/usr/bin/env bash
# On-demand benchmark (not a test, issue 15): throughput under concurrency on PostgreSQL with row-level security, 311
# parties and 100,000 requests in Östersund (scripts/bench-common.sh). For the request list, a case, the breach list,
# the party's start page and Bo's to-do list across his three parties (/att-gora) it first captures, from PostgreSQL's
# statement log, the SELECTs one request of the page sends as the application role; the bare reference
# (bench/GemensamNamnd.Bench.Reference: plain ASP.NET Core and Npgsql, same role, party set for RLS — Östersund's, so the
# to-do list's queries for Krokom and Åre find nothing there, which flatters the reference — no auth, no EF, no Razor)
# runs exactly those. Then wrk, 50 connections, for each page and its reference in turn, interleaved twice, and prints
# requests/s, p50, p99 and the page's ratio to its reference (goal for the list: ≥ 50 %), and the app's resident memory
# after the runs.
# Usage: scripts/bench-throughput.sh [seconds per run=15] [connections=50]
# Needs postgresql from Debian (scripts/test.sh installs it) and wrk (installed here from Debian when run as root).
secs="${1:-15}"; conns="${2:-50}"
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "wrk saknas: apt-get install -y wrk" >&2; exit 1; }
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null
fi
bench_postgres "-c log_line_prefix='%u|'"
bench_migrate
bench_load_requests
dotnet build "$root/bench/GemensamNamnd.Bench.Reference" -c Release -v quiet -nologo >/dev/null
bench_app
jar="$work/cookies"
bench_sign_in "$jar"
cookie=$(awk -F'\t' 'NF == 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$jar")
party=$(PGUSER=gn_owner psql -tAc "SELECT id FROM parties WHERE slug = 'ostersund'")
case_id=$(PGUSER=gn_owner psql -tAc "SELECT id FROM requests WHERE party_id = '$party' AND status = 'InProgress' AND NOT protected_identity ORDER BY case_number LIMIT 1 OFFSET 5000")
declare -A paths=([list]="/ostersund/begaranden" [case]="/ostersund/begaranden/$case_id" [breaches]="/ostersund/incidenter" [start]="/ostersund" [todo]="/att-gora")
pages=(list case breaches start todo)

echo "capturing each page's SQL (the application role's SELECTs of one request, after 20 warm-up requests):"
mkdir -p "$work/ref"
for page in "${pages[@]}"; do
  url="http://127.0.0.1:$port${paths[$page]}"
  code=$(curl -s -o "$work/$page.html" -w '%{http_code}' -H "Cookie: $cookie" "$url")
  [ "$code" = 200 ] || { echo "$page: HTTP $code (sign-in failed?)" >&2; exit 1; }
  for _ in $(seq 1 20); do curl -s -o /dev/null -H "Cookie: $cookie" "$url"; done
  PGDB=postgres psql -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null; sleep 0.5
  before=$(wc -l <"$work/pg.log")
  curl -s -o /dev/null -H "Cookie: $cookie" "$url"; sleep 0.5
  PGDB=postgres psql -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  printf "  %-9s %-58s %s statements\n" "$page" "${paths[$page]}" "$(python3 "$root/scripts/bench-throughput.py" capture "$work/pg.log" "$before" "$work/ref/$page.sql")"
done

refport=$((port + 1))
GN_REF_DIR="$work/ref" GN_REF_PARTY="$party" GN_REF_DB="${ConnectionStrings__App};Maximum Pool Size=100" \
  dotnet "$root/bench/GemensamNamnd.Bench.Reference/bin/Release/net10.0/GemensamNamnd.Bench.Reference.dll" --urls "http://127.0.0.1:$refport" >"$work/ref.log" 2>&1 &
pids+=("$!")
until curl -s -o /dev/null "http://127.0.0.1:$refport/list"; do sleep 0.2; done

run() { # run <url> [header] → "req/s p50 p99 errors"
  curl -s -o /dev/null ${2:+-H "$2"} "$1"
  wrk -t2 -c"$conns" -d"${secs}s" --latency ${2:+-H "$2"} "$1" >"$work/wrk.txt" 2>&1
  python3 "$root/scripts/bench-throughput.py" wrk "$work/wrk.txt"
}
echo; echo "wrk, $conns connections, ${secs} s per run, each page beside its reference, interleaved twice (2 cores shared with PostgreSQL and wrk):"
printf "  %-9s %5s %10s %9s %9s %7s %10s %9s %9s %7s\n" page round "page req/s" "p50 ms" "p99 ms" errors "ref req/s" "p50 ms" "p99 ms" ratio
declare -A sum_ratio
for round in 1 2; do
  for page in "${pages[@]}"; do
    read -r rr r50 r99 rerr < <(run "http://127.0.0.1:$refport/$page")
    read -r pr p50 p99 perr < <(run "http://127.0.0.1:$port${paths[$page]}" "Cookie: $cookie")
    ratio=$(awk -v p="$pr" -v r="$rr" 'BEGIN {printf "%.0f", 100 * p / r}')
    sum_ratio[$page]=$(( ${sum_ratio[$page]:-0} + ratio ))
    printf "  %-9s %5s %10s %9s %9s %7s %10s %9s %9s %6s%%\n" "$page" "$round" "$pr" "$p50" "$p99" "$perr" "$rr" "$r50" "$r99" "$ratio"
  done
done
echo; echo "ratio to the reference, mean of the two rounds (goal for the list ≥ 50 %):"
for page in "${pages[@]}"; do printf "  %-9s %3s %%\n" "$page" "$(( sum_ratio[$page] / 2 ))"; done
echo "app RSS after the runs: $(bench_rss) MiB (goal ≤ 300)"
