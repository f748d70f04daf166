#!/usr/bin/env bash
# Prepare everything the app needs: build packages, the venv, pinned Python packages, compiled translations.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
scripts/apt-ensure.sh libicu-dev pkg-config:pkg-config gettext:msgfmt libreoffice-writer-nogui:soffice fonts-liberation fonts-dejavu-core
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements-$(cat requirements/*.txt | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -r requirements/dev.txt
  rm -f .venv/.requirements-*
  touch "$stamp"
fi
DANGVU_DEV=1 .venv/bin/python manage.py compilemessages -v 0 --ignore=.venv
mkdir -p var
