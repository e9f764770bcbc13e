#!/usr/bin/env bash
# Refresh the self-hosted Sarabun woff2 files in overrides/assets/fonts/ from the npm package
# pinned in package-lock.json (@fontsource/sarabun, SIL Open Font License 1.1). The files are
# committed so that building the site needs no npm; tests/test_assets.py checks that they are
# byte for byte the package's. Only the subsets a Thai page needs: Thai and Latin, 400 and 700
# (codes such as O27 and digits in bold headings and table heads: without Latin 700 the browser
# fakes a bold or falls back to another font; it is fetched only by pages that set bold Latin).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
src=node_modules/@fontsource/sarabun
dest=overrides/assets/fonts
mkdir -p "$dest"
for f in sarabun-thai-400-normal sarabun-thai-700-normal sarabun-latin-400-normal sarabun-latin-700-normal; do
  cp "$src/files/$f.woff2" "$dest/"
done
cp "$src/LICENSE" "$dest/OFL.txt"
