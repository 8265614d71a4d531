"""check_diff.py BASE.json NOW.json DIFF.md: the --diff Markdown agrees with
the two reports: allocation totals and their difference, and one row per
global added, removed or changed, with the exact instruction difference."""
import json
import sys

base, now = (json.load(open(p))["program"] for p in sys.argv[1:3])
lines = open(sys.argv[3]).read().splitlines()


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


alloc = next(cells(l) for l in lines if l.startswith("| allocations |"))
b, n = base["total"]["allocations"], now["total"]["allocations"]
assert alloc[1:] == [str(b), str(n), "%+d" % (n - b)], alloc

def by_symbol(program):
    return {g["symbol"]: g["total"]["instructions"] for g in program["ranked"]}

before, after = by_symbol(base), by_symbol(now)
expected = {}
for sym in set(before) | set(after):
    d = after.get(sym, 0) - before.get(sym, 0)
    if d:
        expected[sym] = d
rows = {}
for l in lines:
    c = cells(l)
    if len(c) == 7 and c[0] in ("added", "removed", "changed"):
        rows[c[1].strip("`")] = int(c[5])
assert rows == expected, (rows, expected)
print("ok")
