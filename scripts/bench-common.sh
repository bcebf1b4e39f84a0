# Shared set-up of the PostgreSQL benchmarks (sourced, not run): a throwaway cluster on loopback with the production
# role layout (gn_owner migrates, gn_app without BYPASSRLS serves), the app built in Release, the bulk load of
# 311 parties, and the demo sign-in. Every function leaves its files in $work, which the caller's trap removes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
work="$(mktemp -d /tmp/gn-bench.XXXXXX)"
chown postgres:postgres "$work" 2>/dev/null || true
pgport=$(( 40000 + RANDOM % 10000 )); port=$(( 50000 + RANDOM % 10000 ))
dll="$root/src/GemensamNamnd.Web/bin/Release/net10.0/GemensamNamnd.Web.dll"
pids=()
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql() { "$bin/psql" -h 127.0.0.1 -p "$pgport" -U "${PGUSER:-postgres}" -d "${PGDB:-gn}" -v ON_ERROR_STOP=1 -q "$@"; }
bench_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  as_pg "$bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
  if [ -n "${GN_BENCH_KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap bench_cleanup EXIT

# bench_postgres [extra server options]: initdb, start, roles and the database.
bench_postgres() {
  as_pg "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$bin/pg_ctl" -D "$work/data" -o "-k $work -p $pgport -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=200 ${1:-}" -l "$work/pg.log" -w start >/dev/null
  PGDB=postgres psql -c "CREATE ROLE gn_owner LOGIN PASSWORD 'bench'" -c "CREATE ROLE gn_app LOGIN NOBYPASSRLS PASSWORD 'bench'" -c "CREATE DATABASE gn OWNER gn_owner"
  export Database__Provider=Postgres Database__ApplicationRole=gn_app Demo__Enabled=true
  export ConnectionStrings__Owner="Host=127.0.0.1;Port=$pgport;Username=gn_owner;Password=bench;Database=gn"
  export ConnectionStrings__App="Host=127.0.0.1;Port=$pgport;Username=gn_app;Password=bench;Database=gn"
  export PersonalData__HashKey="YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW9uLTMyYnl0ZXMhIQ=="
  export ASPNETCORE_ENVIRONMENT=Development
}

# bench_migrate: builds the app (Release) and migrates with its real `migrate` command.
bench_migrate() {
  dotnet build "$root/src/GemensamNamnd.Web" -c Release -v quiet -nologo >/dev/null
  dotnet "$dll" migrate --contentRoot "$root/src/GemensamNamnd.Web" >"$work/migrate.log" 2>&1 || { tail -n 30 "$work/migrate.log" >&2; exit 1; }
}

# bench_load_requests: 302 more parties (311), 100,000 requests with two timeline events each in Östersund and 50 in
# every other party.
bench_load_requests() {
  echo "loading 302 more parties, 100,000 requests in ostersund and 50 in every other party …"
  local t0; t0=$(date +%s)
  PGUSER=gn_owner psql -f "$root/scripts/bench-requests.sql"
  echo "loaded in $(( $(date +%s) - t0 )) s: $(PGUSER=gn_owner psql -tAc "SELECT count(*) FROM parties") parties, $(PGUSER=gn_owner psql -tAc "SELECT count(*) FROM requests") requests"
}

# bench_app [log name]: starts the app (Release, no migration) on $port and waits until it is live; sets $pid.
bench_app() {
  Database__MigrateOnStartup=false dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/GemensamNamnd.Web" >"$work/${1:-app}.log" 2>&1 &
  pid=$!; pids+=("$pid")
  until curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; do kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/${1:-app}.log" >&2; exit 1; }; sleep 0.2; done
}

# bench_sign_in <jar> [demo user's first name, default Bo the DPO]: the demo sign-in, cookies in <jar>.
bench_sign_in() {
  local jar="$1" who="${2:-Bo}" token user
  curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/demo/logga-in" >"$work/demo.html"
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/demo.html" | head -1 | sed 's/.*value="//;s/"$//')
  user=$(grep -o "name=\"userId\" value=\"[^\"]*\" aria-label=\"Logga in som $who" "$work/demo.html" | sed 's/.*value="//;s/".*//')
  curl -s -o /dev/null -c "$jar" -b "$jar" -X POST -d "__RequestVerificationToken=$token&userId=$user" "http://127.0.0.1:$port/demo/logga-in"
}

# bench_rss: the app's resident memory in MiB.
bench_rss() { echo "$(( $(ps -o rss= -p "$pid") / 1024 ))"; }
