# Sourced by the set-up scripts: a project-local virtual environment with pinned packages.
# usage: . scripts/_venv.sh REQUIREMENTS_FILE
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
pip_log=$(mktemp)
if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$1" -e . >"$pip_log" 2>&1; then
  grep -v "^WARNING: Location" "$pip_log" >&2 || true
  rm -f "$pip_log"
  echo "installing the Python packages of $1 failed (see above)" >&2
  exit 1
fi
# pip's notes about this machine's extra package locations are noise; anything else is shown
grep -v "^WARNING: Location" "$pip_log" >&2 || true
rm -f "$pip_log"
# Material's end-of-life banner (NO_MKDOCS_2_WARNING) and ProperDocs' "switch to ProperDocs"
# notice (DISABLE_MKDOCS_2_WARNING) say nothing an editor can act on; Zensical prints none.
export NO_MKDOCS_2_WARNING=1
export DISABLE_MKDOCS_2_WARNING=true
