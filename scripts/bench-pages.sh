#!/usr/bin/env bash
# On-demand benchmark (not a test): starts the embedded app (Release, SQLite, demo data) on a free loopback port,
# signs in as the demo DPO, and prints median and p95 latency of a few pages over N sequential requests, plus the
# server's resident memory. Usage: scripts/bench-pages.sh [N=200]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-200}"
port=$(( 41000 + RANDOM % 10000 ))
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build "$root/src/GemensamNamnd.Web" -c Release -v quiet -nologo >/dev/null
start=$(date +%s%N)
ConnectionStrings__App="Data Source=$work/bench.db" ASPNETCORE_ENVIRONMENT=Development \
  dotnet "$root/src/GemensamNamnd.Web/bin/Release/net10.0/GemensamNamnd.Web.dll" --urls "http://127.0.0.1:$port" \
  --contentRoot "$root/src/GemensamNamnd.Web" >"$work/log" 2>&1 &
pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; do sleep 0.1; done
echo "start-up incl. migrations and seed: $(( ($(date +%s%N) - start) / 1000000 )) ms"
jar="$work/cookies"
curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/demo/logga-in" >"$work/demo.html"
token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/demo.html" | head -1 | sed 's/.*value="//;s/"$//')
user=$(grep -o 'name="userId" value="[^"]*" aria-label="Logga in som Bo' "$work/demo.html" | sed 's/.*value="//;s/".*//')
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST -d "__RequestVerificationToken=$token&userId=$user" "http://127.0.0.1:$port/demo/logga-in"
for path in /krokom /krokom/personuppgiftsansvariga /krokom/logg /health/ready; do
  for _ in $(seq 1 20); do curl -s -o /dev/null -b "$jar" "http://127.0.0.1:$port$path"; done
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "http://127.0.0.1:$port$path"; done | sort -n |
    awk -v p="$path" '{a[NR]=$1} END {printf "%-36s median %6.2f ms  p95 %6.2f ms  (n=%d)\n", p, a[int((NR+1)/2)]*1000, a[int(NR*0.95)]*1000, NR}'
done
echo "server RSS: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
