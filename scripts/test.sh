#!/usr/bin/env bash
# The whole test suite on a fresh machine: set up (venv, test extras, Debian chromium and
# a CJK font for the browser tests), then run pytest on both cores. Extra arguments go to
# pytest. Usage: bash scripts/test.sh [-k PATTERN]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec .venv/bin/python -m pytest -n 2 -q "$@"
