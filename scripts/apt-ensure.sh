#!/usr/bin/env bash
# Install the Debian packages named as arguments when a command they provide is missing.
# Usage: scripts/apt-ensure.sh package[:command] ...
set -euo pipefail
missing=()
for spec in "$@"; do
  pkg=${spec%%:*}
  cmd=${spec#*:}
  if [ "$cmd" != "$spec" ]; then
    command -v "$cmd" >/dev/null 2>&1 && continue
  else
    dpkg -s "$pkg" >/dev/null 2>&1 && continue
  fi
  missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Cần cài các gói Debian: ${missing[*]} (chạy với quyền root)" >&2; exit 1; }
  SUDO="sudo"
fi
echo "Installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
