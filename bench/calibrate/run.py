#!/usr/bin/env python3
"""Calibration harness for initscan's cost model (lib/CostModel.def).

For every case in cases/ (one dynamic global per translation unit), for each
standard library (libstdc++, libc++) and optimisation level (-O2, -O0):

  1. compile the case with clang++-19, link it with a prelude (warms malloc, as
     any real program has by the time its own initializers run) and an empty
     main;
  2. run it under callgrind in a fixed environment (env -i LD_BIND_NOW=1),
     collecting only inside the TU's `_GLOBAL__sub_I_initscan_case.cpp`
     (--toggle-collect): the collected Ir is the inclusive cost of the case's
     initializer, the calls to malloc/calloc/realloc/aligned_alloc/... inside it
     are its allocations;
  3. run `initscan --format=json` on the same case with the same flags and sum
     the estimates of the TU's dynamically initialized globals.

It then prints, per library and -O level, Spearman's rank correlation between
estimate and measurement, the share of cases within 2x of the measured
instructions, the share with the exact allocation count, and a per-case table.

    python3 bench/calibrate/run.py --initscan build/bin/initscan [--quick]
    python3 bench/calibrate/run.py --initscan build/bin/initscan --check --quick

--check exits 1 when a target (rho >= 0.95, >= 90% within 2x, >= 95% exact
allocations) is missed at -O2 for a library, 2 when a tool is missing.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES_DIR = os.path.join(HERE, "cases")
LIBS = {"libstdc++": [], "libc++": ["-stdlib=libc++"]}
OPTS = ["-O2", "-O0"]
STD = "-std=c++17"
TARGET_RHO, TARGET_WITHIN2X, TARGET_ALLOCS = 0.95, 0.90, 0.95
ALLOC_FUNCTIONS = {"malloc", "calloc", "realloc", "aligned_alloc",
                   "posix_memalign", "memalign", "valloc", "pvalloc"}
INIT_SYMBOL = "_GLOBAL__sub_I_initscan_case.cpp"
PRELUDE = """\
// Linked before the case: its initializer runs first. Any real program has
// used malloc by the time its own initializers run (libstdc++ does at load);
// without this, the first case allocation would pay malloc's arena set-up.
#include <cstdlib>
// 8 KiB: too large for tcache, so freeing it merges it back into the top
// chunk and leaves no cached small chunk for a case to hit.
static int warm = [] {
  void *volatile p = std::malloc(8192); // volatile: clang may not elide the pair
  std::free(p);
  return 0;
}();
"""
MAIN = "int main() {}\n"


def read_case(path):
    desc, quick = "", False
    with open(path) as f:
        for line in f:
            if line.startswith("// case:"):
                desc = line[len("// case:"):].strip()
            elif line.strip() == "// quick":
                quick = True
            elif not line.startswith("//"):
                break
    return {"name": os.path.splitext(os.path.basename(path))[0], "path": path,
            "desc": desc, "quick": quick}


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, **kw)


def parse_callgrind(path):
    """Total Ir collected, and calls to allocation functions."""
    names, total, allocs, current_cfn = {}, None, 0, None
    with open(path) as f:
        for line in f:
            if line.startswith("cfn="):
                m = re.match(r"cfn=\((\d+)\)(?: (.*))?", line.strip())
                if m:
                    if m.group(2) is not None:
                        names[m.group(1)] = m.group(2)
                    current_cfn = names.get(m.group(1), "")
                else:
                    current_cfn = line.strip()[4:]
            elif line.startswith("fn="):
                m = re.match(r"fn=\((\d+)\)(?: (.*))?", line.strip())
                if m and m.group(2) is not None:
                    names[m.group(1)] = m.group(2)
            elif line.startswith("calls="):
                if current_cfn in ALLOC_FUNCTIONS:
                    allocs += int(line.split()[0][len("calls="):])
                current_cfn = None
            elif line.startswith("totals:") or line.startswith("summary:"):
                total = int(line.split()[1])
    return total or 0, allocs


def measure(case, lib, opt, work, support):
    d = os.path.join(work, f"{lib}{opt}", case["name"])
    os.makedirs(d, exist_ok=True)
    src = os.path.join(d, "initscan_case.cpp")
    shutil.copyfile(case["path"], src)
    exe = os.path.join(d, "a.out")
    flags = [STD, opt] + LIBS[lib]
    r = run(["clang++-19"] + flags + ["-pthread", support["prelude"], src,
                                      support["main"], "-o", exe])
    if r.returncode:
        return {"error": "compile: " + r.stderr[-2000:]}
    out = os.path.join(d, "callgrind.out")
    r = run(["env", "-i", "LD_BIND_NOW=1", "valgrind", "--tool=callgrind",
             "--callgrind-out-file=" + out, "--toggle-collect=" + INIT_SYMBOL,
             "--collect-systime=no", exe], cwd=d)
    if r.returncode:
        return {"error": "run: " + r.stderr[-2000:]}
    ir, allocs = parse_callgrind(out)
    return {"instructions": ir, "allocations": allocs}


def estimate(cases, lib, opt, initscan):
    """initscan's estimate per case: the sum over the TU's dynamic globals."""
    flags = [STD, opt] + LIBS[lib]
    r = run([initscan, "--format=json", "--system-headers"]
            + [c["path"] for c in cases] + ["--"] + flags)
    if r.returncode:
        sys.exit(f"initscan failed ({r.returncode}): {r.stderr[-3000:]}")
    report = json.loads(r.stdout)
    est = {os.path.realpath(c["path"]): {"instructions": 0, "allocations": 0,
                                          "globals": 0, "unknown": 0}
           for c in cases}
    for g in report["globals"]:
        if not g.get("dynamic_init"):
            continue
        e = est.get(os.path.realpath(g["translation_unit"]))
        if e is None:
            continue
        e["instructions"] += g["cost"]["instructions"]
        e["allocations"] += g["cost"]["allocations"]
        e["unknown"] += g["cost"]["unknown_calls"]
        e["globals"] += 1
    return {c["name"]: est[os.path.realpath(c["path"])] for c in cases}


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def spearman(a, b):
    if len(a) < 2:
        return float("nan")
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else float("nan")


def within2x(est, meas):
    if meas == 0:
        return est <= 100  # a no-op initializer: anything tiny will do
    return 0.5 <= est / meas <= 2.0


def summarize(rows):
    ok = [r for r in rows if "error" not in r]
    rho = spearman([r["est_ins"] for r in ok], [r["ins"] for r in ok])
    w2 = sum(within2x(r["est_ins"], r["ins"]) for r in ok) / max(1, len(ok))
    ex = sum(r["est_alloc"] == r["alloc"] for r in ok) / max(1, len(ok))
    return {"cases": len(ok), "errors": len(rows) - len(ok), "spearman": rho,
            "within_2x": w2, "exact_allocations": ex}


def meets(s):
    return (s["errors"] == 0 and s["spearman"] >= TARGET_RHO and
            s["within_2x"] >= TARGET_WITHIN2X and
            s["exact_allocations"] >= TARGET_ALLOCS)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--initscan", required=True, help="path to the initscan binary")
    ap.add_argument("--quick", action="store_true", help="the cases marked '// quick' only")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when the -O2 targets are missed for a library")
    ap.add_argument("--opt", action="append", choices=OPTS,
                    help="optimisation levels (default: -O2 and -O0; --check: -O2)")
    ap.add_argument("--lib", action="append", choices=list(LIBS),
                    help="standard libraries (default: both)")
    ap.add_argument("--filter", help="regex on case names")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--json", help="write all results to this file")
    ap.add_argument("--keep", help="keep build products in this directory")
    ap.add_argument("--no-table", action="store_true", help="summary only")
    a = ap.parse_args()

    for tool in ("clang++-19", "valgrind"):
        if not shutil.which(tool):
            print(f"error: {tool} not found", file=sys.stderr)
            return 2
    initscan = os.path.abspath(a.initscan)
    if not os.access(initscan, os.X_OK):
        print(f"error: {initscan} is not executable", file=sys.stderr)
        return 2
    cases = [read_case(p) for p in sorted(glob.glob(os.path.join(CASES_DIR, "*.cpp")))]
    if a.quick:
        cases = [c for c in cases if c["quick"]]
    if a.filter:
        cases = [c for c in cases if re.search(a.filter, c["name"])]
    opts = a.opt or (["-O2"] if a.check else OPTS)
    libs = a.lib or list(LIBS)

    work = a.keep or tempfile.mkdtemp(prefix="initscan-calibrate-")
    os.makedirs(work, exist_ok=True)
    support = {"prelude": os.path.join(work, "prelude.cpp"),
               "main": os.path.join(work, "main.cpp")}
    with open(support["prelude"], "w") as f:
        f.write(PRELUDE)
    with open(support["main"], "w") as f:
        f.write(MAIN)

    results, summaries, failed = {}, {}, False
    try:
        for lib in libs:
            for opt in opts:
                est = estimate(cases, lib, opt, initscan)
                with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
                    meas = list(pool.map(lambda c: measure(c, lib, opt, work, support), cases))
                rows = []
                for c, m in zip(cases, meas):
                    e = est[c["name"]]
                    row = {"case": c["name"], "desc": c["desc"],
                           "est_ins": e["instructions"], "est_alloc": e["allocations"],
                           "est_globals": e["globals"], "unknown": e["unknown"]}
                    if "error" in m:
                        row["error"] = m["error"]
                    else:
                        row["ins"], row["alloc"] = m["instructions"], m["allocations"]
                    rows.append(row)
                key = f"{lib} {opt}"
                results[key] = rows
                summaries[key] = s = summarize(rows)
                if not a.no_table:
                    print(f"\n== {key} ==")
                    print(f"{'case':28} {'est ins':>9} {'meas ins':>9} {'ratio':>6} "
                          f"{'est al':>6} {'meas al':>7}")
                    for r in rows:
                        if "error" in r:
                            print(f"{r['case']:28} ERROR {r['error'].splitlines()[0] if r['error'] else ''}")
                            continue
                        ratio = r["est_ins"] / r["ins"] if r["ins"] else float("inf")
                        flag = ("" if within2x(r["est_ins"], r["ins"]) else " <2x") + \
                               ("" if r["est_alloc"] == r["alloc"] else " <alloc")
                        print(f"{r['case']:28} {r['est_ins']:>9} {r['ins']:>9} {ratio:>6.2f} "
                              f"{r['est_alloc']:>6} {r['alloc']:>7}{flag}")
                sys.stdout.flush()
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)

    print("\n== summary ({} cases{}) ==".format(len(cases), ", quick" if a.quick else ""))
    print(f"{'library -O':16} {'spearman':>8} {'within 2x':>9} {'exact alloc':>11} {'errors':>6}  targets")
    for key, s in summaries.items():
        met = meets(s)
        if key.endswith("-O2") and not met:
            failed = True
        print(f"{key:16} {s['spearman']:>8.3f} {s['within_2x']:>8.1%} {s['exact_allocations']:>10.1%} "
              f"{s['errors']:>6}  {'met' if met else 'MISSED'}")
    print(f"targets: spearman >= {TARGET_RHO}, within 2x >= {TARGET_WITHIN2X:.0%}, "
          f"exact allocations >= {TARGET_ALLOCS:.0%} (enforced at -O2 by --check)")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"summary": summaries, "results": results}, f, indent=1)
    if a.check and failed:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
