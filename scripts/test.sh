#!/usr/bin/env bash
# Install what the tests need (into .venv) and run the whole test suite.
# Extra arguments go to pytest (e.g. scripts/test.sh -k validation).
. "$(dirname "$0")/_venv.sh" requirements-test.txt
. scripts/_browser.sh
# axe-core (accessibility checks) and the Sarabun package the committed fonts are checked against
if ! command -v npm >/dev/null 2>&1; then
  echo "installing Debian's nodejs and npm for the accessibility tests" >&2
  apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --no-audit --no-fund --loglevel=error
# jq: the pull-request comment step filters GitHub's answer with gh's --jq; tests/test_ci.py runs
# that step against a fake gh that answers through the real jq
if ! command -v jq >/dev/null 2>&1; then
  echo "installing Debian's jq for the workflow tests" >&2
  apt-get install -y -qq jq >/dev/null
fi
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: that is a broken suite, not a pass" >&2
  exit 1
fi
exit "$rc"
