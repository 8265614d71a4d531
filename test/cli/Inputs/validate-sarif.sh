#!/bin/sh
# validate-sarif.sh INITSCAN IN.sarif OUT: validates IN.sarif with
# @microsoft/sarif-multitool, installed (once) into <build>/sarif-validator
# where <build> is the build tree of INITSCAN (<build>/bin/initscan).
# Prints the validator's output, then "sarif valid" when it found no error.
# Fails (never skips) when the validator cannot be installed.
set -e
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$(dirname "$1")/.." && pwd)
tool=$(sh "$here/install-sarif-validator.sh" "$build/sarif-validator")
rm -f "$3"
status=0
# Without scripts/sanitize.sh's preloaded ASan runtime (it is there for
# clang-tidy): the validator is not instrumented and would trip it
# (alloc-dealloc-mismatch inside Sarif.Multitool).
env -u LD_PRELOAD "$tool" validate --output "$3" "$2" || status=$?
if [ -f "$3" ]; then
  python3 - "$3" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
for run in log.get("runs", []):
    for r in run.get("results", []):
        if r.get("level", "warning") == "error":
            print(": error %s: %s" % (r.get("ruleId"), r.get("message", {}).get("text", r.get("message"))))
PY
fi
if [ "$status" -eq 0 ]; then echo "sarif valid"; else echo ": error validator exit $status"; fi
