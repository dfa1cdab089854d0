#!/usr/bin/env bash
# The main job on a fresh machine: set up, build the graph of a corpus (default: the
# sample corpus ../shared/seeds) into extracted/, write the HTML views into viz/, and
# print the laws-inspected table. Usage: bash scripts/demo.sh [FOLDER_OR_FILE ...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
corpus=("$@")
[ "${#corpus[@]}" -gt 0 ] || corpus=(../shared/seeds)
status=0
.venv/bin/kg build "${corpus[@]}" --out extracted || status=$?
# exit 1 means some files could not be read: the rest was built, so go on and show it
[ "$status" -le 1 ] && [ -d extracted/store ] || exit "$status"
.venv/bin/kg viz --store extracted/store --out viz
.venv/bin/kg query laws-inspected --store extracted/store --columns docId,written,status,by,year
exit "$status"
