#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan in
# ${FUZZ_BUILD_DIR:-build-fuzz} and runs each for the given number of seconds
# (default 60): EngineFuzzer on C++ seeded from the tests and the example,
# ParsersFuzzer on compile databases, .clang-tidy files and baselines.
# Exits non-zero on the first crash; the input is saved under
# ${FUZZ_BUILD_DIR}/crashes/. One input may take ${FUZZ_UNIT_TIMEOUT:-120} s
# (a parse with the standard headers takes seconds on a loaded machine).
# See docs/testing.md.
#   scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SECONDS_EACH=${1:-60}
LLVM_MAJOR=${INITSCAN_LLVM_MAJOR:-19}
BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
# The fuzzers link ASan's static runtime: the shared one that
# scripts/sanitize.sh preloads (for clang-tidy) would stop them
# ("incompatible ASan runtimes").
unset LD_PRELOAD

CC=clang-$LLVM_MAJOR CXX=clang++-$LLVM_MAJOR cmake -S . -B "$BUILD" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DINITSCAN_FUZZERS=ON \
  -DINITSCAN_LLVM_PREFIX="/usr/lib/llvm-$LLVM_MAJOR" >/dev/null
cmake --build "$BUILD" -j2 --target EngineFuzzer ParsersFuzzer

# The parsers fuzzer's first byte picks the parser (see ParsersFuzzer.cpp).
seeds="$BUILD/seeds/parsers"
mkdir -p "$seeds" "$BUILD/corpus/engine" "$BUILD/corpus/parsers" "$BUILD/crashes"
{ printf '\0'; sed "s|DIR|/src|g" test/cli/Inputs/project/compile_commands.json.in; } > "$seeds/compile-db"
{ printf '\1'; cat .clang-tidy; } > "$seeds/clang-tidy"
{ printf '\1'; printf 'Checks: "-*,initscan-expensive-static-init"\nCheckOptions:\n  initscan-expensive-static-init.MinCost: 10k\n'; } > "$seeds/clang-tidy-options"
{ printf '\2'; printf '{"tool":"initscan","findings":[{"check":"initscan-expensive-static-init","symbol":"gA","file":"/src/a.cpp"}]}'; } > "$seeds/baseline"
{ printf '\3'; printf '{"format":"initscan-tu-summary","version":2,"initOrderEnabled":false,"file":"a.cpp","ordinal":0,"stdlib":"libstdc++","failed":false,"compilerDiagnostics":"","globals":[],"findings":[],"initOrder":null}'; } > "$seeds/summary"
{ printf '\4'; printf '2M'; } > "$seeds/cost"

# ASan defaults (no leak checks, no manual poisoning): fuzz/SanitizerDefaults.cpp.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
run() {
  local fuzzer=$1; shift
  echo "fuzz: $fuzzer for ${SECONDS_EACH}s"
  "$BUILD/bin/$fuzzer" -max_total_time="$SECONDS_EACH" -timeout="${FUZZ_UNIT_TIMEOUT:-120}" \
    -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$BUILD/crashes/$fuzzer-" "$@" 2>"$BUILD/$fuzzer.log" || {
    tail -60 "$BUILD/$fuzzer.log"
    echo "fuzz: $fuzzer found a problem; the input is in $BUILD/crashes/" >&2
    return 1
  }
  grep -aE '^stat::number_of_executed_units|^#[0-9]+ *DONE' "$BUILD/$fuzzer.log" || true
}
run EngineFuzzer "$BUILD/corpus/engine" test/checks test/differential/Inputs examples/service
run ParsersFuzzer "$BUILD/corpus/parsers" "$seeds"
