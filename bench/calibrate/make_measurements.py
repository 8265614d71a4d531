#!/usr/bin/env python3
"""Writes measurements.md from a `run.py --json` result file."""
import json
import sys


def main(src, dst):
    data = json.load(open(src))
    out = ["# Calibration measurements", "",
           "Written by `make_measurements.py` from `run.py --json` (clang++-19,",
           "Debian bookworm, libstdc++ 12, libc++ 19, valgrind callgrind).",
           "`Ir` = instructions measured inside the case's initializer; `est` =",
           "initscan's estimate. These justify the entries of `lib/CostModel.def`.", "",
           "## Summary", "",
           "| library -O | Spearman | within 2x | exact allocations |",
           "|---|---|---|---|"]
    for key, s in data["summary"].items():
        out.append(f"| {key} | {s['spearman']:.3f} | {s['within_2x']:.1%} | "
                   f"{s['exact_allocations']:.1%} |")
    keys = list(data["results"])
    names = [r["case"] for r in data["results"][keys[0]]]
    descs = {r["case"]: r["desc"] for r in data["results"][keys[0]]}
    idx = {k: {r["case"]: r for r in data["results"][k]} for k in keys}
    out += ["", "## Per case", "",
            "Each cell: measured Ir / allocations (estimate Ir / allocations).", "",
            "| case | " + " | ".join(keys) + " |",
            "|---|" + "---|" * len(keys)]
    for n in names:
        cells = []
        for k in keys:
            r = idx[k][n]
            if "error" in r:
                cells.append("error")
            else:
                cells.append(f"{r['ins']} / {r['alloc']} ({r['est_ins']} / {r['est_alloc']})")
        out.append(f"| `{n}` {descs[n]} | " + " | ".join(cells) + " |")
    open(dst, "w").write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
