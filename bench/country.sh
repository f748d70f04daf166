#!/usr/bin/env bash
# The indicator registry at country size (5.6 M current members) on PostgreSQL, and its page
# docs/benchmarks-country.md.
#
#   bash bench/country.sh               (about 30 to 60 minutes on 2 cores, ~40 GB of disk)
#   BENCH_REF=HEAD bash bench/country.sh   benchmarks a clean export of a commit, so that the work tree can be
#                                          edited during the run; the bench scripts still come from bench/
#
# Starts its own PostgreSQL cluster (scripts/postgres.sh, port $BENCH_PG_PORT, data under $BENCH_WORK), seeds the
# province (`seed_demo --size province --seed 1`), copies it 91 more times under the top committee
# (bench/scale_up.py: 92 provinces, about 5.6 M current members), then runs bench/indicators_bench.py on it and
# writes the page. The cluster and its data are removed at the end unless BENCH_KEEP=1; with a kept cluster,
# BENCH_REUSE=seeded starts again from the seeded province (copies again), BENCH_REUSE=scaled only measures.
set -euo pipefail

main() {
  cd "$(dirname "$0")/.."
  ROOT=$PWD
  PY="$ROOT/.venv/bin/python"
  WORK=${BENCH_WORK:-/tmp/dangvu-bench-country}
  PGPORT=${BENCH_PG_PORT:-54369}
  COPIES=${BENCH_COPIES:-91}
  OUT_DOC=${BENCH_DOC:-$ROOT/docs/benchmarks-country.md}
  [ -x "$PY" ] || { echo "no venv: run scripts/setup.sh first" >&2; exit 1; }
  APP=$ROOT  # the application code that is benchmarked
  if [ -n "${BENCH_REF:-}" ]; then
    APP="$WORK/src"
    rm -rf "$APP" && mkdir -p "$APP"
    git archive "$BENCH_REF" | tar -x -C "$APP"
  fi
  export BENCH_APP_DIR=$APP

  log() { echo "[country $(date +%H:%M:%S)] $*" >&2; }
  mkdir -p "$WORK/results" "$WORK/var"
  RESULTS="$WORK/results"
  export PGPORT PGDATA_DIR="$WORK/pg"
  # A server sized for reading tens of millions of rows on this machine (24 GB of memory, 2 cores).
  export PG_OPTS="-c shared_buffers=4GB -c work_mem=128MB -c maintenance_work_mem=1GB -c effective_cache_size=16GB \
-c max_wal_size=1GB"  # WAL is recycled at each checkpoint: the copy writes tens of GB
  started=$(date +%s)
  url=$(bash scripts/postgres.sh start)
  if [ "${BENCH_KEEP:-0}" != 1 ]; then
    trap 'bash scripts/postgres.sh stop; rm -rf "$PGDATA_DIR"' EXIT
  else
    trap 'bash scripts/postgres.sh stop' EXIT
  fi
  psql_run() { (cd / && runuser -u postgres -- psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q "$@"); }
  if [ "$(id -u)" -ne 0 ]; then psql_run() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q "$@"; }; fi
  export DANGVU_DEV=1 DEBUG=0 DANGVU_VAR_DIR="$WORK/var" DATABASE_URL=$url PYTHONWARNINGS=ignore LOG_LEVEL=ERROR
  export DJANGO_SETTINGS_MODULE=dangvu.settings

  reuse=${BENCH_REUSE:-}
  if [ -n "$reuse" ] && ! psql_run -d dangvu -c "SELECT 1" >/dev/null 2>&1; then reuse=""; fi
  if [ -z "$reuse" ]; then
    psql_run -c "DROP DATABASE IF EXISTS dangvu" -c "CREATE DATABASE dangvu"
    log "migrate"
    "$PY" "$APP/manage.py" migrate -v 0
    log "seed_demo --size province --seed 1"
    t0=$(date +%s)
    "$PY" "$APP/manage.py" seed_demo --size province --seed 1 | tail -1 >"$RESULTS/seed-province.json"
    echo $(($(date +%s) - t0)) >"$RESULTS/seed-province.seconds"
  elif [ "$reuse" = seeded ]; then
    log "reusing the seeded province (VACUUM first: an interrupted copy leaves dead rows)"
    psql_run -d dangvu -c "VACUUM"
  fi
  if [ "$reuse" != scaled ]; then
    log "scale_up --copies $COPIES"
    "$PY" bench/scale_up.py --copies "$COPIES" >"$RESULTS/scale-up.json"
  else
    log "reusing the scaled database"
  fi
  psql_run -d dangvu -At -c "SELECT pg_size_pretty(pg_database_size('dangvu'))" >"$RESULTS/database-size"
  psql_run -d dangvu -At -c "SHOW server_version" >"$RESULTS/server-version"
  log "indicators (no DuckDB at this size)"
  "$PY" bench/indicators_bench.py --size country --runs "${BENCH_RUNS:-3}" --no-duckdb >"$RESULTS/indicators-country.json"
  echo $(($(date +%s) - started)) >"$RESULTS/run-seconds"
  "$PY" bench/report.py --country "$RESULTS" --out "$OUT_DOC"
  log "done in $(cat "$RESULTS/run-seconds") s; page $OUT_DOC"
}

main "$@"
