#!/usr/bin/env bash
# Prepare everything the app needs: build packages, the venv, the locked Python packages, compiled translations.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
scripts/apt-ensure.sh libicu-dev pkg-config:pkg-config gettext:msgfmt libreoffice-writer-nogui:soffice fonts-liberation fonts-liberation2 fonts-dejavu-core
# The lock must be made from the inputs as they are: a package added to base.txt or dev.txt without
# `make lock` would otherwise be missing from the install.
inputs=$(cat requirements/base.txt requirements/dev.txt | sha256sum | cut -c1-64)
for lock in requirements/base.lock.txt requirements/dev.lock.txt; do
  if ! grep -qx "# inputs sha256: $inputs" "$lock"; then
    echo "$lock is older than requirements/base.txt or dev.txt: run \`make lock\` and commit the lock files." >&2
    exit 1
  fi
done
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements-$(sha256sum requirements/dev.lock.txt | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  # Every package pinned with its hashes (dev.lock.txt includes base.lock.txt's): a file that differs is refused.
  .venv/bin/pip install -q --require-hashes -r requirements/dev.lock.txt
  rm -f .venv/.requirements-*
  touch "$stamp"
fi
DANGVU_DEV=1 .venv/bin/python manage.py compilemessages -v 0 --ignore=.venv
mkdir -p var
