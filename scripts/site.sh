#!/usr/bin/env bash
# Install what the site needs (into .venv) and build the bundled example into site/.
#   scripts/site.sh          build (strict: any warning fails)
#   scripts/site.sh serve    build and serve at http://127.0.0.1:8000/ita/ , rebuilding on every edit
. "$(dirname "$0")/_venv.sh" requirements.txt
.venv/bin/python -m prongsai validate
if [ "${1:-build}" = "serve" ]; then
  exec .venv/bin/mkdocs serve --strict -a 127.0.0.1:8000
fi
exec .venv/bin/mkdocs build --strict
