#!/bin/sh
# bench/realworld/run.sh [BUILD_DIR] [--projects a,b]: the whole real-world
# corpus: initscan against the compiler on every TU (realworld.py), then the
# fix-its applied, rebuilt and tested (../verify-fixes/verify_fixes.py).
# Sources are cached in ${INITSCAN_CORPUS_DIR:-~/.cache/initscan-corpus};
# the tables are written there too (realworld.md, verify-fixes.md), for
# docs/realworld.md. Exit 1 when either half finds a problem.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build
case "${1:-}" in -*|"") ;; *) build=$1; shift ;; esac
out=${INITSCAN_CORPUS_DIR:-$HOME/.cache/initscan-corpus}
mkdir -p "$out"
status=0
python3 "$root/bench/realworld/realworld.py" --initscan "$build/bin/initscan" \
  --markdown "$out/realworld.md" --json "$out/realworld.json" "$@" || status=1
python3 "$root/bench/verify-fixes/verify_fixes.py" --initscan "$build/bin/initscan" \
  --markdown "$out/verify-fixes.md" "$@" || status=1
exit $status
