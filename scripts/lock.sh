#!/usr/bin/env bash
# Make the lock files from the inputs: requirements/base.txt (the app) and dev.txt (tests, tools) list what we
# ask for; base.lock.txt and dev.lock.txt pin every package they bring, transitive ones too, each with the
# hashes of its files, so `make setup` installs exactly what was tested (pip --require-hashes).
#   scripts/lock.sh            keep every locked version the inputs still allow (`make lock`, after editing an input)
#   scripts/lock.sh --upgrade  take the newest release of everything the inputs do not pin (`make upgrade`)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
uv_pin=$(grep -E '^uv==' requirements/dev.txt)
if [ ! -x .venv/bin/uv ]; then
  [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
  .venv/bin/pip install -q "$uv_pin"
fi
inputs=$(cat requirements/base.txt requirements/dev.txt | sha256sum | cut -c1-64)
for name in base dev; do
  .venv/bin/uv pip compile "requirements/$name.txt" --quiet --generate-hashes --python-version 3.11 \
    --custom-compile-command "make lock" --output-file "requirements/$name.lock.txt" "$@"
  echo "# inputs sha256: $inputs" >>"requirements/$name.lock.txt"
done
echo "requirements/base.lock.txt and dev.lock.txt made; commit them with the inputs."
