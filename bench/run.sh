#!/bin/sh
# bench/run.sh [BUILD_DIR]: initscan's cost next to the compiler's and
# clang-tidy's, on examples/service and a few generated larger TUs.
# Prints: per-TU median time ratios, peak RSS ratio, and -j2 over -j1 speedup
# beside what two cores give the same TUs as two initscan processes and as
# bare clang++ processes.
# BENCH_INSTRUCTIONS=1 also counts the instructions each tool executes
# (valgrind --tool=callgrind, ~50x slower): unlike CPU time, the count does
# not depend on what else the machine runs, so the ratio holds on a busy one.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
initscan=$build/bin/initscan
work=${TMPDIR:-/tmp}/initscan-bench.$$
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/gen"
cmake -S "$root/examples/service" -B "$work/service" -G Ninja >/dev/null
# Generated TUs: many globals, std containers, regexes, registrars.
for n in 1 2 3 4 5 6 7 8; do
  f="$work/gen/gen$n.cpp"
  {
    echo '#include <functional>'; echo '#include <map>'; echo '#include <regex>'
    echo '#include <string>'; echo '#include <vector>'; echo '#include <iostream>'
    i=0
    while [ $i -lt $((20 * n)) ]; do
      echo "const std::string s${i} = \"a string that is long enough to allocate $i\";"
      echo "std::vector<int> v${i} = {1, 2, 3, $i};"
      echo "std::map<std::string, std::function<int()>> m${i} = {{\"k\", [] { return $i; }}};"
      [ $((i % 25)) -eq 0 ] && echo "const std::regex r${i}(\"[a-z]+$i\");"
      i=$((i + 1))
    done
  } > "$f"
done
printf '[' > "$work/gen/compile_commands.json"
sep=''
for f in "$work"/gen/gen*.cpp; do
  printf '%s{"directory": "%s", "file": "%s", "arguments": ["clang++", "-std=c++17", "-c", "%s"]}' \
    "$sep" "$work/gen" "$f" "$f" >> "$work/gen/compile_commands.json"
  sep=','
done
echo ']' >> "$work/gen/compile_commands.json"

# time_rss CMD...: prints "cpu_seconds maxrss_kb". CPU time (user + sys), not
# wall time, so other load on a shared 2-core machine skews the ratios less.
time_rss() {
  /usr/bin/time -f '%U %S %M' -o "$work/t" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.3f %d\n", $1 + $2, $3}' "$work/t"
}
# wall CMD...: elapsed seconds, for the -j speedup.
wall() {
  /usr/bin/time -f '%e' -o "$work/t" "$@" >/dev/null 2>&1 || true
  cat "$work/t"
}
# best3 CMD...: the fastest of three runs (time and its RSS), which is the
# run least disturbed by other processes.
best3() {
  { time_rss "$@"; time_rss "$@"; time_rss "$@"; } | sort -g | head -1
}
# instructions CMD...: instructions executed (callgrind's "Collected").
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/Collected :/ {print $NF}'
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

load=$(cut -d" " -f1-3 /proc/loadavg)
: > "$work/ratios"
for db in "$work/service" "$work/gen"; do
  python3 - "$db/compile_commands.json" > "$work/tus" <<'PY'
import json, shlex, sys
for c in json.load(open(sys.argv[1])):
    args = c.get("arguments") or shlex.split(c["command"])
    flags = [a for a in args[1:] if a not in ("-c",) and not a.endswith((".cpp", ".o"))]
    flags = [f for i, f in enumerate(flags) if f != "-o" and (i == 0 or flags[i-1] != "-o")]
    print(c["file"] + "\t" + " ".join(flags))
PY
  while IFS="$(printf '\t')" read -r file flags; do
    set -- $(best3 clang++-19 -fsyntax-only $flags "$file"); cc=$1; ccrss=$2
    set -- $(best3 "$initscan" --no-cache -j1 -p "$db" "$file"); is=$1; isrss=$2
    set -- $(best3 clang-tidy-19 -p "$db" --checks='-*,fuchsia-statically-constructed-objects,cert-err58-cpp,bugprone-dynamic-static-initializers' "$file"); ct=$1
    echo "$(basename "$file") $cc $is $ct $ccrss $isrss" >> "$work/ratios"
    if [ "${BENCH_INSTRUCTIONS:-0}" = 1 ]; then
      echo "$(basename "$file") $(instructions clang++-19 -fsyntax-only $flags "$file") \
$(instructions "$initscan" --no-cache -j1 -p "$db" "$file")" >> "$work/instructions"
    fi
  done < "$work/tus"
done
echo "load average before: $load"
echo "per TU (CPU seconds, best of 3 / KiB): tu clang++ initscan clang-tidy rss-clang++ rss-initscan"
cat "$work/ratios"
if [ -s "$work/instructions" ]; then
  echo "per TU (instructions, callgrind): tu clang++ initscan"
  cat "$work/instructions"
fi
r1=$(awk '$2 > 0 {print $3 / $2}' "$work/ratios" | median)
r2=$(awk '$4 > 0 {print $3 / $4}' "$work/ratios" | median)
r3=$(awk '$5 > 0 {print $6 / $5}' "$work/ratios" | median)
best2() { { wall "$@"; wall "$@"; } | sort -g | head -1; }
j1=$(best2 "$initscan" --no-cache -j1 -p "$work/gen")
j2=$(best2 "$initscan" --no-cache -j2 -p "$work/gen")
# What two cores give this kind of work here, for reading the -j2 speedup:
# the same TUs split over two separate initscan -j1 processes (no shared
# address space; largest first, alternating), and over two clang++ processes.
ls -S "$work"/gen/gen*.cpp > "$work/bysize"
halves="$work/gen/gen-halves.sh"
cat > "$halves" <<EOS
"$initscan" --no-cache -j1 -p "$work/gen" $(awk 'NR % 2' "$work/bysize" | tr '\n' ' ') >/dev/null &
"$initscan" --no-cache -j1 -p "$work/gen" $(awk 'NR % 2 == 0' "$work/bysize" | tr '\n' ' ') >/dev/null
wait
EOS
p2=$(best2 sh "$halves")
c1=$(best2 sh -c "xargs -P1 -I{} clang++-19 -std=c++17 -fsyntax-only {} < '$work/bysize'")
c2=$(best2 sh -c "xargs -P2 -I{} clang++-19 -std=c++17 -fsyntax-only {} < '$work/bysize'")
echo
printf '%-58s %s\n' "median initscan / clang++ -fsyntax-only (time, per TU):" "$r1"
printf '%-58s %s\n' "median initscan / clang-tidy-19 (3 static-init checks):" "$r2"
if [ -s "$work/instructions" ]; then
  printf '%-58s %s\n' "median instructions initscan / clang++ -fsyntax-only:" \
    "$(awk '$2 > 0 {print $3 / $2}' "$work/instructions" | median)"
fi
printf '%-58s %s\n' "median peak RSS initscan / clang++ -fsyntax-only:" "$r3"
speedup() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
printf '%-58s %s\n' "speedup -j2 over -j1 (generated project, $j1 s -> $j2 s):" "$(speedup "$j1" "$j2")"
printf '%-58s %s\n' "  same, two initscan -j1 processes ($p2 s):" "$(speedup "$j1" "$p2")"
printf '%-58s %s\n' "  same, clang++ -fsyntax-only -P2 over -P1 ($c1 s -> $c2 s):" "$(speedup "$c1" "$c2")"
