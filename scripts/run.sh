#!/usr/bin/env bash
# Set up (first time only) and run the main job: the seed reports -> one reconciled record.
# Any arguments are passed to `corroborate run` (paths, --format md, -o FILE ...).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/corroborate ] || bash scripts/setup.sh
exec .venv/bin/corroborate run "$@"
