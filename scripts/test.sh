#!/usr/bin/env bash
# Set up (first time only) and run the test suite, including the eval gate on the CI slice.
# PostgreSQL contract tests run when CORROBORATE_PG_DSN is set; browser tests when
# /usr/bin/chromium exists (.ci/run installs both).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/corroborate ] || bash scripts/setup.sh
. .venv/bin/activate
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
ruff check src tests
mypy
python -m pytest -q "$@"
