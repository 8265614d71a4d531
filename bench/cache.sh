#!/bin/sh
# bench/cache.sh [BUILD_DIR]: what the summary cache buys, measured side by
# side in one run on examples/service and on a generated 40-TU project:
#   cold      empty cache, every TU parsed
#   warm      nothing changed, every TU from the cache (target: >= 20x cold)
#   one file  one TU's main file changed, that TU parsed, the rest cached
#   header    a header included by a quarter of the TUs changed
# Prints median seconds of each and the ratios to cold.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
initscan=$build/bin/initscan
runs=${RUNS:-3}
work=${TMPDIR:-/tmp}/initscan-cache-bench.$$
trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

# examples/service, copied so its sources can be edited.
cp -r "$root/examples/service" "$work/service-src"
cmake -S "$work/service-src" -B "$work/service" -G Ninja >/dev/null

# The generated project: 40 TUs over the standard library, each including
# one of 4 shared headers and the common one.
gen=$work/gen
mkdir -p "$gen"
cat > "$gen/common.h" <<'H'
#include <functional>
#include <map>
#include <string>
#include <vector>
int compute(int);
H
g=0
while [ $g -lt 4 ]; do
  printf '#include "common.h"\nstatic const std::string kGroup%s = "group header string long enough to allocate";\n' $g > "$gen/group$g.h"
  g=$((g + 1))
done
printf '[' > "$gen/compile_commands.json"
i=0
while [ $i -lt 40 ]; do
  {
    echo "#include \"group$((i % 4)).h\""
    j=0
    while [ $j -lt 20 ]; do
      echo "const std::string s${j} = \"a string that is long enough to allocate $i $j\";"
      echo "std::vector<int> v${j} = {1, 2, 3, compute($j)};"
      echo "std::map<std::string, std::function<int()>> m${j} = {{\"k\", [] { return $j; }}};"
      j=$((j + 1))
    done
  } > "$gen/tu$i.cpp"
  [ $i -gt 0 ] && printf ',' >> "$gen/compile_commands.json"
  printf '{"directory": "%s", "file": "%s/tu%s.cpp", "arguments": ["clang++", "-std=c++17", "-c", "tu%s.cpp"]}' \
    "$gen" "$gen" $i $i >> "$gen/compile_commands.json"
  i=$((i + 1))
done
echo ']' >> "$gen/compile_commands.json"

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# measure NAME PREPARE DB: median seconds of $runs scans of DB after PREPARE.
measure() {
  name=$1 prepare=$2 db=$3
  n=0
  : > "$work/times"
  while [ $n -lt "$runs" ]; do
    eval "$prepare"
    start=$(now)
    "$initscan" -p "$db" --cache-dir="$work/cache" -j2 >/dev/null 2>&1 || true
    end=$(now)
    awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f\n", b - a}' >> "$work/times"
    n=$((n + 1))
  done
  median < "$work/times"
}

report() {
  label=$1 db=$2 source=$3 header=$4
  rm -rf "$work/cache"
  # Every TU analysed, the cache written.
  cold=$(measure cold 'rm -rf "$work/cache"' "$db")
  "$initscan" -p "$db" --cache-dir="$work/cache" >/dev/null 2>&1 || true
  warm=$(measure warm ':' "$db")
  one=$(measure one "echo \"// edit \$n\" >> \"$source\"" "$db")
  hdr=$(measure header "echo \"// edit \$n\" >> \"$header\"" "$db")
  tus=$(grep -c '"file"' "$db/compile_commands.json")
  printf '%-34s %6s %8s %8s %8s\n' "$label ($tus TUs), seconds:" "$cold" "$warm" "$one" "$hdr"
  ratio() { awk -v a="$cold" -v b="$1" 'BEGIN {printf "%.1fx", a / b}'; }
  printf '%-34s %6s %8s %8s %8s\n' "  cold / each:" "1x" "$(ratio "$warm")" \
    "$(ratio "$one")" "$(ratio "$hdr")"
}

printf '%-34s %6s %8s %8s %8s\n' "" "cold" "warm" "one-file" "header"
report "examples/service" "$work/service" "$work/service-src/admin.cpp" "$work/service-src/config.h"
report "generated" "$gen" "$gen/tu7.cpp" "$gen/group1.h"
echo "(median of $runs runs each, -j2; header: group1.h, included by 10 of the 40 generated TUs)"
