#!/usr/bin/env bash
# Builds and tests initscan against each LLVM major, one after another (a
# clang-tidy module only loads into the clang-tidy it was built against), and
# prints a Markdown table: major, build ok, ctest and lit results, time.
#
#   scripts/matrix.sh [--install] [--swap-libcxx] [--jobs N] [--fast | --opt LEVEL]
#                     [--exclude REGEX --exclude-reason TEXT] [--update-docs] [MAJOR...]
#
# MAJOR defaults to every major Debian bookworm offers: 14 15 16 19 22.
# Build directories are build-llvm-N (logs: build-llvm-N/matrix-*.log).
#   --install       apt-get the missing clang-N/clang-tidy-N/... packages.
#   --swap-libcxx   also install libc++-N-dev for each major. Debian's
#                   libc++-N-dev packages conflict with each other, so this
#                   REMOVES the other majors' libc++ headers while the major
#                   is tested (the default major's are restored at the end).
#                   Only for a machine nobody else is using (CI). Without it a
#                   major without its libc++ runs the libc++ test variants as
#                   unsupported (lit feature `libcxx`), shown in the table.
#   --fast          compile with -O0 -DNDEBUG instead of -O3: about three times
#                   faster to build, for checking compatibility on a busy machine.
#   --opt LEVEL     compile with -OLEVEL -DNDEBUG (e.g. --opt 1: builds about
#                   twice as fast as -O3 while the slow tests, dogfood and the
#                   lit suite, run nearly as fast as at -O3).
#   --exclude REGEX ctest -E REGEX for every major, with --exclude-reason TEXT
#                   in the table's notes (only for tests impossible or too slow
#                   on the machine: say which and why).
#   --update-docs   write the table into docs/compatibility.md.
# The time column is the wall time of build + ctest; "build CPU" is the
# user+system time of the compile alone (what a fresh 2-core CI machine needs
# about half of as wall time when ccache is cold).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

default_major=19
majors=() install=0 swap_libcxx=0 jobs=2 update_docs=0 opt_flags="-O3 -DNDEBUG"
exclude="" exclude_reason=""
while (($#)); do
  case $1 in
    --install) install=1 ;;
    --swap-libcxx) swap_libcxx=1 install=1 ;;
    --jobs) jobs=$2; shift ;;
    --fast) opt_flags="-O0 -DNDEBUG" ;;
    --opt) opt_flags="-O$2 -DNDEBUG"; shift ;;
    --exclude) exclude=$2; shift ;;
    --exclude-reason) exclude_reason=$2; shift ;;
    --update-docs) update_docs=1 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1' "$0"; exit 0 ;;
    [0-9]*) majors+=("$1") ;;
    *) echo "matrix: error: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
((${#majors[@]})) || majors=(14 15 16 19 22)

export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
apt_install() {
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 \
    install -y -qq --no-install-recommends "$@" >/dev/null
}
updated=0
apt_update() { ((updated)) || $sudo apt-get -o DPkg::Lock::Timeout=900 update -qq; updated=1; }

rows=()
failed_any=0
for major in "${majors[@]}"; do
  build="build-llvm-$major"
  start=$(date +%s)
  version="" built="no" ctest_result="-" lit_result="-" libcxx="no" notes="" build_cpu=""
  packages=("clang-$major" "clang-tidy-$major" "clang-tools-$major" "libclang-$major-dev"
            "llvm-$major-dev" "llvm-$major-tools")
  # ASan's runtime (test/init-order); LLVM 15 ships it in libclang-common-15-dev.
  ((major == 15)) || packages+=("libclang-rt-$major-dev")
  missing=()
  for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
  if ((${#missing[@]})) && ((install)); then
    echo "matrix: LLVM $major: installing ${missing[*]}"
    apt_update; apt_install "${missing[@]}" && missing=()
  fi
  if ((${#missing[@]})); then
    rows+=("| $major | - | not installed (${missing[*]}) | - | - | - | 0s |")
    failed_any=1
    continue
  fi
  if ! installed "libc++-$major-dev" && ((swap_libcxx)); then
    echo "matrix: LLVM $major: installing libc++-$major-dev (replaces other majors' libc++-dev)"
    apt_update; apt_install "libc++-$major-dev" "libc++abi-$major-dev"
  fi
  installed "libc++-$major-dev" && libcxx="yes"
  version=$("/usr/lib/llvm-$major/bin/llvm-config" --version 2>/dev/null || echo "?")

  mkdir -p "$build"
  echo "matrix: LLVM $major ($version): configure + build into $build"
  if cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
       -DINITSCAN_LLVM_PREFIX="/usr/lib/llvm-$major" \
       -DCMAKE_CXX_FLAGS_RELEASE="$opt_flags" >"$build/matrix-configure.log" 2>&1 &&
     /usr/bin/time -f "%U %S" -o "$build/matrix-build.cpu" \
       cmake --build "$build" -j"$jobs" >"$build/matrix-build.log" 2>&1; then
    built="yes"
    build_cpu=$(awk '{ printf "%d", $1 + $2 }' "$build/matrix-build.cpu")
    echo "matrix: LLVM $major: ctest"
    # -V: every lit summary in the log (--output-on-failure shows only failures).
    ctest --test-dir "$build" -j"$jobs" -V ${exclude:+-E "$exclude"} \
      >"$build/matrix-ctest.log" 2>&1
    # "100% tests passed, 0 tests failed out of 6"
    total=$(sed -nE 's/.*tests failed out of ([0-9]+).*/\1/p' "$build/matrix-ctest.log" | tail -n1)
    failed=$(sed -nE 's/.* ([0-9]+) tests failed out of.*/\1/p' "$build/matrix-ctest.log" | tail -n1)
    [ -n "$total" ] && ctest_result="$((total - failed))/$total"
    # lit's summary inside the ctest log, one line per result kind:
    # "  Passed     : 35" (lit 14-16) or "  Passed: 35 (92.11%)" (lit 17+).
    lit_result=$(awk '
      { sub(/^[0-9]+: /, "") }  # ctest -V prefixes output with the test number
      /^ *(Passed|Failed|Unsupported|Expectedly Failed|Unexpectedly Passed|Unresolved|Timed Out|Skipped|Excluded) *: *[0-9]+/ {
        split($0, kv, ":"); kind = kv[1]; gsub(/^ +| +$/, "", kind)
        # one summary per lit-* test (directory): add them up; Excluded are
        # the other directories tests.
        n = kv[2] + 0; count[kind] += n; if (kind != "Excluded") total += n }
      END {
        if (!total) { print "-"; exit }
        out = count["Passed"] + 0 "/" total " passed"
        if (count["Unsupported"]) out = out ", " count["Unsupported"] " unsupported"
        if (count["Failed"]) out = out ", " count["Failed"] " failed"
        print out }' "$build/matrix-ctest.log")
    failing=$(sed -nE 's/^ *[0-9]+ - ([^ ]+) \(Failed\).*/\1/p' "$build/matrix-ctest.log" | paste -sd, -)
    [ -n "$failing" ] && notes="failed: $failing"
    [ -n "$exclude" ] && notes="${notes:+$notes; }excluded: $exclude ($exclude_reason)"
    ((swap_libcxx)) || [ "$libcxx" = yes ] ||
      notes="${notes:+$notes; }libc++ variants not run (no libc++-$major-dev)"
    [ "${failed:-1}" = 0 ] || failed_any=1
  else
    notes="see $build/matrix-build.log"
    failed_any=1
  fi
  elapsed=$(($(date +%s) - start))
  rows+=("| $major | $version | $built | $ctest_result | $lit_result | $libcxx | $((elapsed / 60))m$((elapsed % 60))s${build_cpu:+ (build ${build_cpu} CPU-s)} | $notes")
done

if ((swap_libcxx)) && ! installed "libc++-$default_major-dev"; then
  echo "matrix: restoring libc++-$default_major-dev"
  apt_install "libc++-$default_major-dev" "libc++abi-$default_major-dev"
fi

table=$(
  echo "| LLVM | version | build | ctest passed/total | lit tests | libc++ | time | notes"
  echo "|---|---|---|---|---|---|---|---"
  printf '%s\n' "${rows[@]}"
)
echo
echo "$table"

if ((update_docs)); then
  doc=docs/compatibility.md
  begin="<!-- matrix table: scripts/matrix.sh --update-docs -->"
  end="<!-- end of matrix table -->"
  measured="Measured $(date -u +%Y-%m-%d) on $(nproc) cores (Debian $(cat /etc/debian_version 2>/dev/null), -j$jobs, $opt_flags):"
  python3 - "$doc" "$begin" "$end" "$measured" "$table" <<'PY'
import sys
path, begin, end, measured, table = sys.argv[1:]
text = open(path).read()
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, "w").write(f"{head}{begin}\n{measured}\n\n{table}\n{end}{tail}")
PY
  echo "matrix: table written to $doc"
fi
exit "$failed_any"
