#!/usr/bin/env bash
# One command: set up, build, and run every test (lit, unit, differential,
# dogfooding) through ctest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The newest LLVM major (INITSCAN_EXTRA_MAJOR, default 22; empty: none) is
# also built, into build-llvm-N at -O1 (half the compile time of -O3, same
# test results), and its lit suites run, before the default major's ctest so
# that the last summary line is still the default major's; a failure of
# either fails the script. The clang-tidy module, the launcher, the language
# server and the integrations are tested there; the CLI suite (6 minutes on
# 2 cores, the longest) and the two compiler-oracle suites (init-order,
# differential: clang's code generation more than initscan's build) are left
# to the default major and scripts/matrix.sh, to keep CI under 25 minutes.
# See docs/compatibility.md for the cost.
INITSCAN_EXTRA_MAJOR=${INITSCAN_EXTRA_MAJOR-22}
source scripts/setup.sh  # installs the extra major's toolchain too
extra_failed=0
if [ -n "$INITSCAN_EXTRA_MAJOR" ] && [ "$INITSCAN_EXTRA_MAJOR" != "$LLVM_MAJOR" ]; then
  extra_build="build-llvm-$INITSCAN_EXTRA_MAJOR"
  echo "test: LLVM $INITSCAN_EXTRA_MAJOR: $extra_build and its lit tests"
  cmake -S . -B "$extra_build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DINITSCAN_LLVM_PREFIX="/usr/lib/llvm-$INITSCAN_EXTRA_MAJOR" \
    -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" >/dev/null
  # lit-build-deps (a fixture of every lit-* test) builds initscan and the
  # module only, not the unit tests.
  ctest --test-dir "$extra_build" --output-on-failure -j2 -R '^lit-' \
    -E '^lit-(cli|init-order|differential)$' || extra_failed=1
fi
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2
exit "$extra_failed"
