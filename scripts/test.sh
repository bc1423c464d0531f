#!/usr/bin/env bash
# Set up (first time) and run everything CI runs: lint, layer contracts, Qt-free unit tests
# without Qt installed, then the whole suite with PostgreSQL parity tests on a throwaway server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

if [ -z "${ALSDESK_TEST_PG_URL:-}" ]; then
  eval "$(bash scripts/pg-test-server.sh start)"
  trap 'bash scripts/pg-test-server.sh stop' EXIT
fi

echo "== lint"
.venv/bin/ruff check alsdesk tests $(ls -d bench 2>/dev/null || true)
.venv/bin/ruff format --check alsdesk tests $(ls -d bench 2>/dev/null || true)
echo "== layer contracts"
.venv/bin/lint-imports
echo "== types"
.venv/bin/mypy alsdesk
echo "== unit tests without Qt installed"
.venv-noqt/bin/python -m pytest tests/unit -q -p no:cacheprovider -m "not slow"
echo "== wheel install smoke test"
bash scripts/wheel-smoke.sh
echo "== clinic-PC installers: build them, then use them as a clinic does"
bash scripts/build-bundle.sh
bash scripts/bundle-smoke.sh
echo "== all tests"
.venv/bin/python -m pytest -q "$@"
