#!/usr/bin/env bash
# Install, then run recoupe on the bundled (invented) example; reports land in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/recoupe run examples/usine-lyon --json out/example.json --md out/example.md --html out/example.html
echo "reports written: out/example.json out/example.md out/example.html"
