#!/usr/bin/env bash
# Install recoupe into ./.venv with pinned dependencies. Idempotent.
#   scripts/setup.sh          runtime only
#   scripts/setup.sh --dev    plus test tools, Debian's chromium and postgresql-15 (as root)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
requirements=requirements.txt
[ "${1:-}" = "--dev" ] && requirements=requirements-dev.txt
# the tested pins, then recoupe itself, editable; `pip install .` alone would resolve pyproject.toml's ranges instead
.venv/bin/python -m pip install --quiet -r "$requirements"
.venv/bin/python -m pip install --quiet --no-deps -e .
# --dev: Debian's chromium (browser test) and PostgreSQL 15 (the store's tests start a throwaway cluster)
if [ "${1:-}" = "--dev" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = "0" ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "setup: ${missing[*]} missing and not root: the browser / PostgreSQL tests will be skipped" >&2
    fi
  fi
fi
