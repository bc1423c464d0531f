#!/usr/bin/env bash
# Set up (first time) and launch alsdesk on its embedded SQLite database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/alsdesk "$@"
