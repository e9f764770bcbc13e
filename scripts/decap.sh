#!/usr/bin/env bash
# Refresh the self-hosted Decap CMS bundle in prongsai/vendor/decap-cms/ from the npm package
# pinned in package-lock.json (decap-cms, MIT). The bundle is committed so that building the
# site needs no npm (a clean clone builds with scripts/site.sh alone); tests/test_admin.py
# checks that it is byte for byte the pinned package's. Only the main bundle is shipped: the
# package's other chunks are syntax modes of the code widget, which the forms do not use.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
src=node_modules/decap-cms
dest=prongsai/vendor/decap-cms
mkdir -p "$dest"
cp "$src/dist/decap-cms.js" "$dest/"
# the licences of what the bundle contains (the package.json says MIT for Decap itself)
cp "$src/dist/decap-cms.js.LICENSE.txt" "$dest/"
node -e 'const p=require("./'"$src"'/package.json"); console.log(`${p.name} ${p.version}, licence ${p.license}, ${p.homepage || p.repository?.url || ""}`)' >"$dest/VERSION"
# the yaml package (ISC) as one file for the browser: forms.js writes the data files with it
mkdir -p prongsai/vendor/yaml
node_modules/.bin/esbuild node_modules/yaml/browser/index.js --bundle --minify --format=iife --global-name=YAML \
  --legal-comments=none --log-level=warning --outfile=prongsai/vendor/yaml/yaml.js
cp node_modules/yaml/LICENSE prongsai/vendor/yaml/LICENSE
