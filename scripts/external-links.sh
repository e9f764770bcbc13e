#!/usr/bin/env bash
# Check the links from the built site (site/) to other websites. Needs the internet, so it is
# not part of the build or the tests: run it now and then, or as a separate CI job that may
# fail without blocking a publication. It warns and exits 0; add --strict to fail on a dead link.
#   scripts/external-links.sh [--strict] [--timeout SECONDS]
. "$(dirname "$0")/_venv.sh" requirements.txt
[ -f site/index.html ] || bash scripts/site.sh
exec .venv/bin/python -m prongsai links --site site --external "$@"
