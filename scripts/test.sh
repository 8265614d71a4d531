#!/usr/bin/env bash
# One command: set up, build, and run every test (lit, unit, differential,
# dogfooding) through ctest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

# INITSCAN_EXTRA_MAJOR=22: also build initscan against that LLVM major into
# build-llvm-N (at -O1: half the compile time of -O3, same test results) and
# run its lit suites, before the default major's ctest so that the last
# summary line is still the default major's; a failure of either fails the
# script. Off by default: see docs/compatibility.md for its cost.
extra_failed=0
if [ -n "${INITSCAN_EXTRA_MAJOR:-}" ]; then
  extra_build="build-llvm-$INITSCAN_EXTRA_MAJOR"
  echo "test: LLVM $INITSCAN_EXTRA_MAJOR: $extra_build and its lit tests"
  cmake -S . -B "$extra_build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DINITSCAN_LLVM_PREFIX="/usr/lib/llvm-$INITSCAN_EXTRA_MAJOR" \
    -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" >/dev/null
  # lit-build-deps (a fixture of every lit-* test) builds initscan and the
  # module only, not the unit tests.
  ctest --test-dir "$extra_build" --output-on-failure -j2 -R '^lit-' || extra_failed=1
fi
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2
exit "$extra_failed"
