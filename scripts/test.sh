#!/usr/bin/env bash
# The whole check: lint, the suite on SQLite, the suite on PostgreSQL, the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/apt-ensure.sh chromium:chromium postgresql fonts-dejavu-core
export DANGVU_DEV=1 DJANGO_ALLOW_ASYNC_UNSAFE=true
PY=.venv/bin/python

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

echo "== tests on SQLite"
$PY -m pytest -q -m "not browser" -n 2 "$@"

echo "== tests on PostgreSQL"
url=$(scripts/postgres.sh start)
trap 'scripts/postgres.sh stop' EXIT
DATABASE_URL=$url $PY -m pytest -q -m "not browser" -n 2 "$@"
scripts/postgres.sh stop
trap - EXIT

echo "== browser tests (headless Chromium)"
$PY -m pytest -q -m browser "$@"
