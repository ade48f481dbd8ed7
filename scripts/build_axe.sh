#!/usr/bin/env bash
# Rebuild tests/assets/axe.min.js (axe-core 4, the accessibility engine tests/browser/test_a11y.py injects into each
# page) from the npm registry. node_modules lives in a temporary folder, never in the repository. Needs npm.
# Usage: scripts/build_axe.sh [VERSION]   (default: the newest 4.x)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/tests/assets/axe.min.js"
VERSION="${1:-4}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "axe-core@$VERSION"
mkdir -p "$(dirname "$OUT")"
cp node_modules/axe-core/axe.min.js "$OUT"
echo "wrote $OUT (axe-core $(node -p 'require("axe-core/package.json").version'), $(wc -c <"$OUT") bytes)"
