#!/usr/bin/env bash
# One command: set up, build, and run initscan on the bundled example service.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
# The example's compile database, as any CMake project produces it.
cmake -S examples/service -B "$BUILD_DIR/examples/service" -G Ninja \
  -DCMAKE_CXX_COMPILER="clang++-$LLVM_MAJOR" >/dev/null
echo "== initscan -p $BUILD_DIR/examples/service"
"$BUILD_DIR/bin/initscan" -p "$BUILD_DIR/examples/service" "$@"
