#!/usr/bin/env bash
# Runs every test on a fresh Debian machine with the .NET SDK: installs what the tests need from Debian's packages
# (PostgreSQL, aiosmtpd, Chromium), checks the formatting (dotnet format), starts a throwaway PostgreSQL cluster on
# loopback, runs `dotnet test`, and ends with the totals alone on one line: "N passed, N failed" (", N skipped" when
# any was). Unformatted code counts as one failed test; a skipped test counts as failed too (nothing is skipped here:
# PostgreSQL is always there), so the exit status is non-zero for either.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

packages=(postgresql python3-aiosmtpd chromium)
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Saknas: ${missing[*]}. Kör som root, eller: sudo apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
  echo "Installerar ${missing[*]} från Debian …"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# Formatting first: the same check as CI (.editorconfig; generated migrations excluded).
format_failed=0
if ! dotnet format GemensamNamnd.sln --verify-no-changes --exclude src/GemensamNamnd.Web/Data/Migrations -v q; then
  echo "Koden är inte formaterad enligt .editorconfig: kör 'dotnet format GemensamNamnd.sln --exclude src/GemensamNamnd.Web/Data/Migrations' och checka in." >&2
  format_failed=1
fi

# A throwaway PostgreSQL cluster on loopback (initdb refuses root, so the server runs as postgres).
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pgdir="$(mktemp -d /tmp/gn-pg.XXXXXX)"
chown postgres:postgres "$pgdir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port="${GN_TEST_PG_PORT:-$(( 40000 + RANDOM % 20000 ))}"
as_pg "$bin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$pgdir/data" -o "-k $pgdir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" -l "$pgdir/log" -w start >/dev/null
cleanup() { as_pg "$bin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap cleanup EXIT
export GN_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

results="$root/TestResults"
rm -rf "$results"
set +e
dotnet test "$root/GemensamNamnd.sln" --logger "trx" --results-directory "$results" "$@"
status=$?
set -e

# Totals over every test project, from the TRX files (a skipped test is "notExecuted" there).
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  n="$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$skipped test(s) hoppades över, fast PostgreSQL fanns: inget test får lämnas överhoppat (se TRX-filerna i $results)." >&2
  failed=$((failed + skipped))
fi
if [ "$format_failed" -ne 0 ]; then failed=$((failed + 1)); fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
