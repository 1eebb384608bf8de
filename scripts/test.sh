#!/usr/bin/env bash
# Install with the test tools, then lint, type-check and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev
.venv/bin/ruff check recoupe tests bench
.venv/bin/ruff format --check recoupe tests bench
.venv/bin/mypy recoupe
.venv/bin/python -m pytest -q "$@"
