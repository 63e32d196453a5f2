#!/usr/bin/env bash
# Throwaway PostgreSQL for the tests, on 127.0.0.1 only.
#   eval "$(scripts/ci-postgres.sh start)"   # installs if missing, starts, prints: export ALPHACORE_TEST_PG_URL=...
#   scripts/ci-postgres.sh stop
# Runs the server as the unprivileged 'postgres' user when called as root (PostgreSQL refuses root).
# Everything but the export line goes to stderr.
set -euo pipefail
cmd=${1:-start}
port=${ALPHACORE_PG_PORT:-55432}
dir=${ALPHACORE_PG_DIR:-/tmp/alphacore-pg-$port}
log() { echo "ci-postgres: $*" >&2; }

find_bin() {
  local b
  b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$b" ] && [ -x "$b/initdb" ] && echo "$b"
}

bin=$(find_bin || true)
if [ -z "$bin" ] && [ "$cmd" = start ]; then
  if [ "$(id -u)" -ne 0 ]; then log "PostgreSQL is not installed and we are not root to install it"; exit 1; fi
  log "installing PostgreSQL from Debian's packages"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(find_bin) || { log "installation did not provide initdb"; exit 1; }
fi

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_pg "$bin/initdb" -D "$dir/data" -A trust -U alphacore --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" start >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    fi
    if ! as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U alphacore -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='alphacore_test'" | grep -q 1; then
      as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U alphacore alphacore_test >&2
    fi
    log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
    echo "export ALPHACORE_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/alphacore_test?user=alphacore'"
    ;;
  stop)
    [ -n "$bin" ] && [ -f "$dir/data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    ;;
  *) log "usage: $0 start|stop"; exit 2 ;;
esac
