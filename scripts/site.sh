#!/usr/bin/env bash
# Install what the site needs (into .venv) and build the bundled example into site/.
#   scripts/site.sh          build (strict: any warning fails), then check that nothing in
#                            data/ is missing from the site and that no internal link is broken
#   scripts/site.sh serve    build and serve at http://127.0.0.1:8000/ita/ , rebuilding on every edit
. "$(dirname "$0")/_venv.sh" requirements.txt
# Reproducible: the sitemap's dates come from the data, and for hand-written pages from the
# last commit (without git, from the newest date in the data: see prongsai_mkdocs/hooks.py).
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && epoch=$(git log -1 --format=%ct 2>/dev/null) && [ -n "$epoch" ]; then
  export SOURCE_DATE_EPOCH="$epoch"
fi
.venv/bin/python -m prongsai validate
if [ "${1:-build}" = "serve" ]; then
  exec .venv/bin/mkdocs serve --strict -a 127.0.0.1:8000
fi
.venv/bin/mkdocs build --strict
.venv/bin/python -m prongsai audit --site site
.venv/bin/python -m prongsai links --site site
