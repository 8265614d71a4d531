#!/usr/bin/env bash
# Builds initscan with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# in ${ASAN_BUILD_DIR:-build-asan} and runs the whole test suite (ctest) on it.
# The clang-tidy module is loaded into Debian's uninstrumented clang-tidy, so
# the shared ASan runtime is preloaded into every test process. See
# docs/testing.md.
#   scripts/sanitize.sh [ctest arguments...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LLVM_MAJOR=${INITSCAN_LLVM_MAJOR:-19}
BUILD=${ASAN_BUILD_DIR:-build-asan}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1

flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -shared-libasan -gline-tables-only"
CC=clang-$LLVM_MAJOR CXX=clang++-$LLVM_MAJOR cmake -S . -B "$BUILD" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="$flags" -DCMAKE_SHARED_LINKER_FLAGS="$flags" \
  -DINITSCAN_LLVM_PREFIX="/usr/lib/llvm-$LLVM_MAJOR" >/dev/null
cmake --build "$BUILD" -j2

runtime=$(clang++-"$LLVM_MAJOR" -print-file-name=libclang_rt.asan-x86_64.so)
# Leaks: LLVM's uninstrumented libraries keep allocations for the process's
# life by design. Poisoning: LLVM's inline allocators, compiled into our
# instrumented code, poison slabs that the uninstrumented libraries then
# allocate from (fuzz/SanitizerDefaults.cpp). Link order: the runtime is
# preloaded, not linked first, into clang-tidy and the other tools.
# Alternate signal stacks: LLVM's crash handler (sys::PrintStackTraceOnError-
# Signal, uninstrumented) replaces a thread's alternate stack with one of its
# own from malloc, which ASan then tries to munmap at thread exit ("failed to
# deallocate 0x134c0 bytes ... error code: 22" after every multi-TU run), so
# ASan leaves the alternate stacks to LLVM.
# Programs that break with the runtime preloaded are started without it:
# Chromium (hangs; render_html.py), the SARIF validator (alloc-dealloc-
# mismatch in its own code; validate-sarif.sh), and programs linked with
# ASan's static runtime, which clashes with it: the init-order oracle's
# (init_order_oracle.py) and the fuzzers (scripts/fuzz.sh). The calibration
# runs valgrind under env -i.
export LD_PRELOAD=$runtime
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allow_user_poisoning=0:verify_asan_link_order=0:use_sigaltstack=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
ctest --test-dir "$BUILD" -j2 --output-on-failure "$@"
