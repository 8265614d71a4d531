#!/bin/sh
# bench/cache.sh [BUILD_DIR]: what the summary cache buys, measured side by
# side in one run on examples/service, on a generated 24-TU project and on
# real projects of the bench/realworld corpus (Debian source packages,
# fetched and configured by corpus.py, cached in ~/.cache/initscan-corpus):
#   cold      empty cache, every TU parsed
#   warm      nothing changed, every TU from the cache (target: >= 20x cold)
#   one file  one TU's main file changed, that TU parsed, the rest cached
#   header    a header included by about a quarter of the TUs changed
# Prints the median CPU and wall seconds of each, and their ratios to cold.
# PROJECTS=service,generated,double-conversion,abseil chooses (default: all
# four; abseil's cold runs take minutes, PROJECTS=service is quick). RUNS=3.
# Real projects are copied before they are edited: the corpus stays intact.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
initscan=$build/bin/initscan
runs=${RUNS:-3}
projects=${PROJECTS:-service,generated,double-conversion,abseil}
work=${TMPDIR:-/tmp}/initscan-cache-bench.$$
trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# measure PREPARE DB: "cpu wall", the medians of $runs scans of DB, each
# after PREPARE. CPU seconds (user + sys) are the primary measure: a shared,
# loaded machine stretches wall time, not the work done.
measure() {
  prepare=$1 db=$2
  n=0
  : > "$work/times"
  while [ $n -lt "$runs" ]; do
    eval "$prepare"
    /usr/bin/time -f '%U %S %e' -o "$work/t" \
      "$initscan" -p "$db" --cache-dir="$work/cache" -j1 >/dev/null 2>&1 || true
    cat "$work/t" >> "$work/times"
    n=$((n + 1))
  done
  cpu=$(awk '{print $1 + $2}' "$work/times" | median)
  wall=$(awk '{print $3}' "$work/times" | median)
  echo "$cpu $wall"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1fx", (b > 0 ? a / b : 0)}'; }

report() {
  label=$1 db=$2 source=$3 header=$4
  tus=$(grep -o '"file"' "$db/compile_commands.json" | wc -l)
  set -- $(measure 'rm -rf "$work/cache"' "$db")
  cold_cpu=$1 cold_wall=$2
  "$initscan" -p "$db" --cache-dir="$work/cache" >/dev/null 2>&1 || true
  set -- $(measure ':' "$db"); warm_cpu=$1 warm_wall=$2
  set -- $(measure "echo \"// edit \$n\" >> \"$source\"" "$db"); one_cpu=$1 one_wall=$2
  set -- $(measure "echo \"// edit \$n\" >> \"$header\"" "$db"); hdr_cpu=$1 hdr_wall=$2
  printf '%-26s %-14s %8s %8s %8s %8s\n' "$label ($tus TUs)" "cpu seconds" \
    "$cold_cpu" "$warm_cpu" "$one_cpu" "$hdr_cpu"
  printf '%-26s %-14s %8s %8s %8s %8s\n' "" "cold / each" "1x" \
    "$(ratio "$cold_cpu" "$warm_cpu")" "$(ratio "$cold_cpu" "$one_cpu")" \
    "$(ratio "$cold_cpu" "$hdr_cpu")"
  printf '%-26s %-14s %8s %8s %8s %8s\n' "" "wall seconds" \
    "$cold_wall" "$warm_wall" "$one_wall" "$hdr_wall"
  printf '%-26s %-14s %8s %8s %8s %8s\n' "" "cold / each" "1x" \
    "$(ratio "$cold_wall" "$warm_wall")" "$(ratio "$cold_wall" "$one_wall")" \
    "$(ratio "$cold_wall" "$hdr_wall")"
}

# examples/service, copied so its sources can be edited.
bench_service() {
  cp -r "$root/examples/service" "$work/service-src"
  cmake -S "$work/service-src" -B "$work/service" -G Ninja >/dev/null
  report "examples/service" "$work/service" "$work/service-src/admin.cpp" "$work/service-src/config.h"
  notes="$notes; config.h, in 4 of the 5 service TUs"
}

bench_generated() {
  # The generated project: 24 TUs over the standard library, each including
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
  while [ $i -lt 24 ]; do
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
  report "generated" "$gen" "$gen/tu7.cpp" "$gen/group1.h"
  notes="$notes; group1.h, in 6 of the 24 generated TUs"
}

# bench_corpus NAME SOURCE HEADER HEADER_NOTE: a corpus project (sources
# fetched and configured by bench/realworld/corpus.py), its source tree
# copied and its compile database pointed at the copy, so that the edits
# below never touch the shared corpus. SOURCE and HEADER are relative to it.
bench_corpus() {
  name=$1
  dirs=$(cd "$root/bench/realworld" && python3 -c '
import sys, corpus
project = corpus.select(sys.argv[1])[0]
src = corpus.source_dir(project)
build = corpus.build_dir(project, src)
corpus.configure(project, src, build)
print(src, build)' "$name") || { echo "cache.sh: cannot prepare $name" >&2; exit 1; }
  set -- $dirs "$@"
  src=$1 build=$2 source=$4 header=$5 header_note=$6
  cp -r "$src" "$work/$name-src"
  mkdir -p "$work/$name"
  sed "s|$src|$work/$name-src|g" "$build/compile_commands.json" \
    > "$work/$name/compile_commands.json"
  report "$name" "$work/$name" "$work/$name-src/$source" "$work/$name-src/$header"
  notes="$notes; $header_note"
}

printf '%-26s %-14s %8s %8s %8s %8s\n' "" "" "cold" "warm" "one-file" "header"
notes=""
for project in $(echo "$projects" | tr ',' ' '); do
  case $project in
    service) bench_service ;;
    generated) bench_generated ;;
    double-conversion)
      bench_corpus double-conversion double-conversion/bignum.cc \
        double-conversion/bignum.h "bignum.h, in 5 of the 22 double-conversion TUs" ;;
    abseil)
      bench_corpus abseil absl/strings/str_cat.cc absl/time/time.h \
        "absl/time/time.h, in 29 of the 119 abseil TUs" ;;
    *) echo "cache.sh: unknown project '$project' (service, generated, double-conversion, abseil)" >&2
       exit 2 ;;
  esac
done
echo "(median of $runs runs each, -j1; header changed: ${notes#; })"
