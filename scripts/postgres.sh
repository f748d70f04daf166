#!/usr/bin/env bash
# Start or stop a throw-away PostgreSQL cluster for the test suite, on 127.0.0.1:${PGPORT:-54329}.
# Usage: scripts/postgres.sh start|stop   (prints the DATABASE_URL on start)
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${PGPORT:-54329}
DATA=${PGDATA_DIR:-/tmp/dangvu-pg-$PGPORT}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
run_as_pg() {
  # From /: the postgres user may not enter the (private) directory of the checkout.
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
case "${1:-}" in
  start)
    [ -n "$PGBIN" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
    if [ ! -f "$DATA/PG_VERSION" ]; then
      rm -rf "$DATA"; mkdir -p "$DATA"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA"
      run_as_pg "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # PG_OPTS: more server settings (bench/country.sh sizes the memory for its tens of millions of rows).
    run_as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -o "-p $PGPORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_OPTS:-}" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$PGPORT/dangvu"
    ;;
  stop)
    [ -f "$DATA/postmaster.pid" ] && run_as_pg "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
