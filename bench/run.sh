#!/usr/bin/env bash
# Runs every benchmark of docs/benchmarks.md and regenerates that page from the results.
#
#   bash bench/run.sh                  (or: make bench) benchmarks the work tree as it is
#   BENCH_REF=HEAD bash bench/run.sh   benchmarks a clean export of a commit (git archive), e.g. while the
#                                      work tree is being edited; the bench scripts still come from bench/
#   BENCH_APP=/tmp/copy BENCH_DOC=/tmp/copy.md bash bench/run.sh   benchmarks another copy of the code
#                                      (to measure a fix) and writes its page elsewhere
#
# Needs the venv (.venv, see scripts/setup.sh) and wrk (installed with apt-get if missing).
# Everything happens in its own temporary directory ($BENCH_WORK, default /tmp/dangvu-bench-run):
# fresh SQLite databases, collected static files, the gunicorn server and the raw results. The default
# database var/dangvu.sqlite3 is never touched. Bounded: every load run has a fixed duration and every
# wait for a quiet CPU a time limit; the whole run takes 8 to 30 minutes on 2 cores (more when it has to wait).
set -euo pipefail

# Everything is in main(), so that bash has read the whole script before it runs: editing this file
# while a run is going on cannot derail that run.
main() {
  cd "$(dirname "$0")/.."
  ROOT=$PWD
  PY="$ROOT/.venv/bin/python"
  WORK=${BENCH_WORK:-/tmp/dangvu-bench-run}
  PORT=${BENCH_PORT:-8765}
  WARMUP=${BENCH_WARMUP:-3}       # seconds of warm-up before each measured load run (not recorded)
  DURATION=${BENCH_DURATION:-15}  # seconds of each measured load run with 20 clients
  SINGLE=${BENCH_SINGLE:-8}       # seconds of each single-client run
  CONNECTIONS=20
  THINK_MS=${BENCH_THINK:-1000}  # the "users at work" run: 20 clients, each reading a page this long
  unset BENCH_THINK_MS            # read by bench/latency.lua: set for that run only
  # 2 cores: one sync worker process per core. The work is CPU-bound Python and in-process SQLite: more
  # processes only time-slice the same cores, and threads in one process share its GIL, which made the
  # tail worse (measured 2026-11-22 on /calendar/ with 20 clients: -w 2 --threads 2 gave p95 140 ms,
  # -w 2 sync 70 ms, -w 3 sync 71 ms, -w 4 sync 87 ms). wrk gets 2 threads and shares the same 2 cores.
  WORKERS=${BENCH_WORKERS:-2}
  THREADS=${BENCH_THREADS:-1}
  OUT_DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}

  [ -x "$PY" ] || { echo "no venv: run scripts/setup.sh first" >&2; exit 1; }
  if ! command -v wrk >/dev/null; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  fi

  rm -rf "$WORK"
  mkdir -p "$WORK/results" "$WORK/var"
  RESULTS="$WORK/results"
  APP=$ROOT  # the application code that is benchmarked
  if [ -n "${BENCH_REF:-}" ]; then
    APP="$WORK/src"
    mkdir -p "$APP"
    git archive "$BENCH_REF" | tar -x -C "$APP"
  elif [ -n "${BENCH_APP:-}" ]; then
    APP=$(cd "$BENCH_APP" && pwd)  # another copy of the code, e.g. a scratch copy with a fix being tried
  fi
  export BENCH_APP_DIR=$APP
  export DANGVU_DEV=1 DEBUG=0 DANGVU_VAR_DIR="$WORK/var" DJANGO_SETTINGS_MODULE=dangvu.settings
  export PYTHONWARNINGS=ignore LOG_LEVEL=ERROR
  unset DATABASE_URL
  started=$(date +%s)
  date -u +%Y-%m-%dT%H:%M:%SZ >"$RESULTS/date"
  cut -d' ' -f1-3 /proc/loadavg >"$RESULTS/loadavg-start"

  log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
  # CPU ticks of the whole machine: "total idle" (from /proc/stat).
  cpu_ticks() { awk '/^cpu /{t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $5 + $6}' /proc/stat; }
  # Percentage of the machine's CPU that was busy between two cpu_ticks samples.
  busy_pct() { echo "$1 $2" | awk '{d = $3 - $1; printf "%.0f", (d > 0 ? 100 * (1 - ($4 - $2) / d) : 0)}'; }
  # The machine is shared (other developers run test suites): before a timed step, wait until the CPU
  # has been at most QUIET_PCT % busy for 3 s, at most $1 seconds. Prints "waited_s busy_pct".
  QUIET_PCT=${BENCH_QUIET_PCT:-15}
  wait_quiet() {
    local deadline=$((SECONDS + $1)) start=$SECONDS before busy
    while :; do
      before=$(cpu_ticks); sleep 3; busy=$(busy_pct "$before" "$(cpu_ticks)")
      if [ "$busy" -le "$QUIET_PCT" ] || [ "$SECONDS" -ge "$deadline" ]; then break; fi
    done
    echo "$((SECONDS - start)) $busy"
  }
  db_url() { echo "sqlite:///$WORK/$1.sqlite3"; }
  now() { date +%s.%N; }

  # --- Machine facts -------------------------------------------------------------------------------------
  {
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "python: $("$PY" -c 'import sys; print(sys.version.split()[0])')"
    echo "django: $("$PY" -c 'import django; print(django.get_version())')"
    echo "sqlite: $("$PY" -c 'import sqlite3; print(sqlite3.sqlite_version)')"
    echo "gunicorn: $("$ROOT/.venv/bin/gunicorn" --version 2>&1 | head -1)"
    echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
    if [ -n "${BENCH_REF:-}" ]; then
      echo "code: commit $(git rev-parse --short "$BENCH_REF") (clean export of $BENCH_REF)"
    elif [ "$APP" != "$ROOT" ]; then
      echo "code: the copy in $APP"
    else
      echo "code: work tree at commit $(git rev-parse --short HEAD)$([ -z "$(git status --porcelain -- . ':!bench' ':!docs/benchmarks.md')" ] || echo ', with uncommitted changes')"
    fi
    echo "kernel: $(uname -sr)"
    echo "reproduce: ${BENCH_REF:+BENCH_REF=$BENCH_REF }${BENCH_APP:+BENCH_APP=$BENCH_APP }bash bench/run.sh"
  } >"$RESULTS/machine.txt"
  free -h >"$RESULTS/free.txt"

  # --- 1. Seeding ----------------------------------------------------------------------------------------
  for size in bloc province; do
    export DATABASE_URL; DATABASE_URL=$(db_url "$size")
    log "migrate ($size)"
    t0=$(now)
    "$PY" "$APP/manage.py" migrate -v 0
    t1=$(now)
    log "seed_demo --size $size --seed 1 (after a quiet CPU, at most 120 s)"
    read -r waited _ < <(wait_quiet 120)
    t2=$(now)
    before=$(cpu_ticks)
    "$PY" "$APP/manage.py" seed_demo --size "$size" --seed 1 >"$RESULTS/seed-$size.log"
    t3=$(now)
    busy=$(busy_pct "$before" "$(cpu_ticks)")
    # seeding is one process: about 50 % of 2 cores; much more means something else was running
    echo "$t0 $t1 $t2 $t3 $waited $busy" | awk '{printf "{\"migrate_s\": %.2f, \"seed_wall_s\": %.2f, \"waited_s\": %d, \"cpu_busy_pct\": %d}\n", $2 - $1, $4 - $3, $5, $6}' \
      >"$RESULTS/seed-$size.wall.json"
    du -b "$WORK/$size.sqlite3" | cut -f1 >"$RESULTS/dbsize-$size"
  done

  # --- 3. Query counts (bloc and province), and 2b. where the time of one request goes (province) ---------
  for size in bloc province; do
    log "query counts ($size)"
    DATABASE_URL=$(db_url "$size") "$PY" bench/querycount.py --size "$size" >"$RESULTS/queries-$size.json"
  done
  log "time breakdown (province): waiting for a quiet CPU first (at most 90 s)"
  wait_quiet 90 >"$RESULTS/breakdown-quiet"
  DATABASE_URL=$(db_url province) "$PY" bench/breakdown.py --size province --runs 10 >"$RESULTS/breakdown-province.json"

  # --- 4. Indicator registry (and the member figures checked with DuckDB); 5. report compilation ---------
  # In-process timings (median of 5 after a warm-up), each after a quiet CPU (at most 60 s). DuckDB is a
  # benchmark-only tool, not in the requirements: installed into the venv if missing, skipped if offline.
  duck=()
  if ! "$PY" -c 'import duckdb' 2>/dev/null && ! "$ROOT/.venv/bin/pip" install -q duckdb >/dev/null 2>&1; then
    log "duckdb not available (offline?): the DuckDB comparison is skipped"
    duck=(--no-duckdb)
  fi
  for size in bloc province; do
    log "indicator registry ($size): quiet CPU first (at most 60 s)"
    wait_quiet 60 >"$RESULTS/indicators-$size-quiet"
    DATABASE_URL=$(db_url "$size") timeout 900 "$PY" bench/indicators_bench.py --size "$size" --runs 5 "${duck[@]}" \
      >"$RESULTS/indicators-$size.json"
    log "report compilation ($size): quiet CPU first (at most 60 s)"
    wait_quiet 60 >"$RESULTS/reports-$size-quiet"
    DATABASE_URL=$(db_url "$size") timeout 900 "$PY" bench/reports_bench.py --size "$size" --runs 5 \
      >"$RESULTS/reports-$size.json"
  done

  # --- 2. Load: the member list on province data, 20 clients, over loopback -------------------------------
  export DATABASE_URL; DATABASE_URL=$(db_url province)
  "$PY" "$APP/manage.py" collectstatic --noinput -v 0
  "$PY" bench/pages.py >"$RESULTS/load-pages.tsv"

  log "gunicorn -w $WORKERS --threads $THREADS on 127.0.0.1:$PORT"
  "$ROOT/.venv/bin/gunicorn" --chdir "$APP" dangvu.wsgi -b "127.0.0.1:$PORT" -w "$WORKERS" --threads "$THREADS" \
    --log-level warning --error-logfile "$WORK/gunicorn.log" &
  GUNICORN_PID=$!
  trap 'kill "$GUNICORN_PID" 2>/dev/null || true; wait "$GUNICORN_PID" 2>/dev/null || true' EXIT
  if [ "$THREADS" -gt 1 ]; then worker_class=gthread; else worker_class=sync; fi
  echo "gunicorn: -w $WORKERS --threads $THREADS ($worker_class)" >>"$RESULTS/machine.txt"

  base="http://127.0.0.1:$PORT"
  checks=()
  while IFS=$'\t' read -r _ path; do checks+=(--check "$path"); done <"$RESULTS/load-pages.tsv"
  cookie=""
  for _ in $(seq 1 30); do  # up to 30 s for the server to come up
    if cookie=$("$PY" bench/login.py --base "$base" "${checks[@]}" 2>"$WORK/login.err"); then break; fi
    kill -0 "$GUNICORN_PID" 2>/dev/null || { cat "$WORK/gunicorn.log" >&2; exit 1; }
    sleep 1
  done
  [ -n "$cookie" ] || { cat "$WORK/login.err" >&2; exit 1; }
  export BENCH_COOKIE=$cookie

  : >"$RESULTS/load.tsv"
  # One line per measured run: label, path, c20|c1, raw wrk output, seconds waited for a quiet CPU before
  # the search, and how busy the whole machine's CPU was during the run (%).
  measure() {  # label path kind file connections threads seconds quiet
    local before busy
    before=$(cpu_ticks)
    wrk -t"$6" -c"$5" -d"${7}s" --timeout 30s -s bench/latency.lua "$base$2" </dev/null >"$RESULTS/$4"
    busy=$(busy_pct "$before" "$(cpu_ticks)")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$8" "$busy" >>"$RESULTS/load.tsv"
  }
  index=0
  while IFS=$'\t' read -r label path; do
    index=$((index + 1))
    log "wrk $label: quiet CPU (at most 60 s), warm-up ${WARMUP}s, ${CONNECTIONS} clients ${DURATION}s, 1 client ${SINGLE}s"
    read -r waited _ < <(wait_quiet 60)
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 30s -s bench/latency.lua "$base$path" </dev/null >/dev/null
    measure "$label" "$path" "c$CONNECTIONS" "wrk-$index-c20.txt" "$CONNECTIONS" 2 "$DURATION" "$waited"
    BENCH_THINK_MS=$THINK_MS measure "$label" "$path" c20think "wrk-$index-c20think.txt" "$CONNECTIONS" 2 "$DURATION" "$waited"
    measure "$label" "$path" c1 "wrk-$index-c1.txt" 1 1 "$SINGLE" "$waited"
  done <"$RESULTS/load-pages.tsv"

  echo $(($(date +%s) - started)) >"$RESULTS/run-seconds"
  log "writing $OUT_DOC"
  "$PY" bench/report.py --results "$RESULTS" --out "$OUT_DOC" \
    --settings "warm-up ${WARMUP}s, ${DURATION}s with ${CONNECTIONS} clients (wrk -t2), the same with ${THINK_MS} ms think time, ${SINGLE}s with 1 client"
  # --- 6. send_reminders (notifications) on province data: last, since it writes notifications into it; it
  # adds its own section to the page report.py has just written.
  log "send_reminders (province): quiet CPU first (at most 60 s)"
  wait_quiet 60 >"$RESULTS/reminders-province-quiet"
  DATABASE_URL=$(db_url province) timeout 1800 "$PY" bench/send_reminders_bench.py --size province --doc "$OUT_DOC" \
    >"$RESULTS/reminders-province.json"
  log "done in $(cat "$RESULTS/run-seconds") s; raw results in $RESULTS"
}

main "$@"
