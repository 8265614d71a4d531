#!/usr/bin/env bash
# One command: set up, build, and run every test (lit, unit, differential,
# dogfooding) through ctest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2
