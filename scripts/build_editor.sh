#!/usr/bin/env bash
# Rebuild ui/assets/sparql-editor.js (the SPARQL editor: CodeMirror 6 + the SPARQL legacy mode) from the npm
# registry. The pinned versions are in ui/editor_src/package.json and package-lock.json; node_modules lives in
# a temporary folder, never in the repository. Needs node >= 18 and npm.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SRC="$ROOT/ui/editor_src"
OUT="$ROOT/ui/assets/sparql-editor.js"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cp "$SRC/package.json" "$SRC/package-lock.json" "$SRC/editor.js" "$WORK/"
cd "$WORK"
npm ci --no-audit --no-fund --loglevel=error
VERSIONS="$(node -e 'const l=require("./package-lock.json").packages;
  console.log(Object.keys(require("./package.json").dependencies).map(n=>n+"@"+l["node_modules/"+n].version).join(", "))')"
npx --no-install esbuild editor.js --bundle --minify --format=iife --target=es2020 --legal-comments=none \
  --banner:js="/* Färdplan Explorer SPARQL editor — built by scripts/build_editor.sh from ui/editor_src/editor.js. Bundles (MIT licence): $VERSIONS. */" \
  --outfile="$OUT" --log-level=warning
echo "wrote $OUT ($(wc -c <"$OUT") bytes)"
