#!/usr/bin/env bash
# Installs what initscan needs on Debian bookworm (only what is missing) and
# builds it into ${BUILD_DIR:-build}. Sourced by demo.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LLVM_MAJOR=${INITSCAN_LLVM_MAJOR:-19}
BUILD_DIR=${BUILD_DIR:-build}
packages=(cmake ninja-build ccache python3 g++
          "clang-$LLVM_MAJOR" "clang-tidy-$LLVM_MAJOR" "clang-tools-$LLVM_MAJOR"
          "libclang-$LLVM_MAJOR-dev" "llvm-$LLVM_MAJOR-dev" "llvm-$LLVM_MAJOR-tools"
          "libc++-$LLVM_MAJOR-dev" "libc++abi-$LLVM_MAJOR-dev" libgtest-dev
          valgrind  # the calibration test (bench/calibrate)
          git pre-commit python3-yaml  # test/integrations: hooks, CI templates
          neovim  # test/lsp/neovim.test: a real LSP client (0.7+)
          chromium fonts-dejavu-core  # test/cli/html.test renders the HTML report
          dpkg-dev bear time  # realworld-slice: apt-get source, compile databases
          "libclang-rt-$LLVM_MAJOR-dev")  # ASan: the init-order oracle test
# scripts/test.sh's extra major (INITSCAN_EXTRA_MAJOR, e.g. 22): its toolchain,
# not its libc++ (Debian's libc++-N-dev packages conflict with each other).
if [ -n "${INITSCAN_EXTRA_MAJOR:-}" ]; then
  x=$INITSCAN_EXTRA_MAJOR  # short: used six times below
  packages+=("clang-$x" "clang-tidy-$x" "clang-tools-$x" "libclang-$x-dev"
             "llvm-$x-dev" "llvm-$x-tools" "libclang-rt-$x-dev")
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  # Several builds may share the machine: wait for another apt instead of failing.
  $sudo apt-get -o DPkg::Lock::Timeout=900 update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 \
    install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
# Paths relative to the checkout, so a clone elsewhere (CI) hits the cache.
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DINITSCAN_LLVM_PREFIX="/usr/lib/llvm-$LLVM_MAJOR" >/dev/null
cmake --build "$BUILD_DIR" -j2
