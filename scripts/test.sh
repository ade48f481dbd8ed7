#!/usr/bin/env bash
# Install the test dependencies on a fresh machine and run the whole test suite, with whatever python is active
# (an activated virtual environment's, or the first on PATH): its pip installs the test extra.
# Debian's chromium (for the real-browser tests) comes from apt; everything else from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "== installing Debian chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

echo "== installing the package with its test extra (includes the oxigraph server) into $("$PYTHON" -c 'import sys; print(sys.prefix)')"
"$PYTHON" -m pip install -q -e '.[test]'

echo "== ruff"
"$PYTHON" -m ruff check .

echo "== pytest"
exec "$PYTHON" -m pytest "$@"
