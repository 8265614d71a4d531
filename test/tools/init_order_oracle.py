#!/usr/bin/env python3
"""Runtime oracle for initscan-init-order: the check against what happens.

Each case is a directory of a multi-TU program (*.cpp, headers) and a file
`expect` with the issues initscan must report, one `READER -> DEPENDENCY` a
line (empty: silent). For each standard library (libstdc++, and libc++ with
--libcxx) the program is

  * analysed: `initscan --format=json --checks=-*,initscan-init-order
    *.cpp -- -std=c++20 [-stdlib=libc++]`, giving (reader, dependency) pairs;
  * built with -fsanitize=address in both link orders and run with
    ASAN_OPTIONS=check_initialization_order=1:strict_init_order=1. The
    runtime truth for the program is the set of dependencies that
      - ASan names in an initialization-order-fiasco report, or
      - the program itself prints as `fiasco: NAME` (each main checks the
        values its initializers read: this covers what ASan cannot see,
        such as reads inside libstdc++'s compiled std::string code, members
        of class templates, and order bugs within one TU).

The check passes when, for every case and library, initscan's dependencies
equal the runtime truth (precision = recall = 1) and its pairs equal
`expect`. Prints the confusion counts and exits 1 on any difference.

  init_order_oracle.py --initscan BIN --clangxx CLANG [--libcxx] [-v]
                       CASE_DIR... | DIR_OF_CASES
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ASAN_GLOBAL = re.compile(
    r"is located \d+ bytes inside of global variable '([^']+)'")
PROGRAM_FIASCO = re.compile(r"^fiasco: (.+)$", re.M)
# libstdc++'s ABI tag in ASan's names: gName[abi:cxx11].
ABI_TAG = re.compile(r"\[abi:[^\]]*\]")
ASAN_OPTIONS = "check_initialization_order=1:strict_init_order=1:detect_leaks=0"


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, **kw)


def sources(case):
    return sorted(os.path.join(case, f) for f in os.listdir(case)
                  if f.endswith(".cpp"))


def expected_pairs(case):
    pairs = set()
    with open(os.path.join(case, "expect")) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                reader, dep = [x.strip() for x in line.split("->")]
                pairs.add((reader, dep))
    return pairs


def initscan_pairs(args, case, flags):
    cmd = [args.initscan, "--format=json", "--checks=-*,initscan-init-order",
           "-j1"] + sources(case) + ["--"] + flags
    r = run(cmd)
    if r.returncode != 0:
        raise RuntimeError("%s\nexit %d\n%s" % (" ".join(cmd), r.returncode,
                                                r.stderr))
    pairs = set()
    for finding in json.loads(r.stdout)["findings"]:
        if finding["check"] != "initscan-init-order":
            continue
        chain = finding["chain"]
        pairs.add((chain[0]["name"], chain[-1]["name"]))
    return pairs


def runtime_truth(args, case, flags, workdir):
    """Dependencies ASan reports or the program prints, over both orders."""
    objects = []
    for src in sources(case):
        obj = os.path.join(workdir, os.path.basename(src) + ".o")
        r = run([args.clangxx, "-c", "-O0", "-fsanitize=address"] + flags +
                [src, "-o", obj])
        if r.returncode != 0:
            raise RuntimeError("cannot compile %s:\n%s" % (src, r.stderr))
        objects.append(obj)
    truth, details = set(), []
    env = dict(os.environ, ASAN_OPTIONS=ASAN_OPTIONS)
    # The programs link ASan's static runtime; the shared one that
    # scripts/sanitize.sh preloads would stop them ("incompatible ASan
    # runtimes").
    env.pop("LD_PRELOAD", None)
    for order, objs in (("forward", objects), ("reverse", objects[::-1])):
        exe = os.path.join(workdir, "prog-" + order)
        r = run([args.clangxx, "-fsanitize=address"] + flags + objs +
                ["-o", exe])
        if r.returncode != 0:
            raise RuntimeError("cannot link %s:\n%s" % (case, r.stderr))
        r = run([exe], env=env, cwd=workdir)
        asan = {ABI_TAG.sub("", name) for name in ASAN_GLOBAL.findall(r.stderr)}
        printed = set(PROGRAM_FIASCO.findall(r.stdout))
        if r.returncode != 0 and not asan:
            raise RuntimeError("%s (%s) failed without an ASan report:\n%s%s" %
                               (case, order, r.stdout, r.stderr))
        truth |= asan | printed
        details.append("%s: asan=%s program=%s" % (order, sorted(asan),
                                                    sorted(printed)))
    return truth, details


def check_case(args, case, lib):
    flags = ["-std=c++20"] + (["-stdlib=libc++"] if lib == "libc++" else [])
    workdir = tempfile.mkdtemp(prefix="init-order-")
    try:
        found = initscan_pairs(args, case, flags)
        truth, details = runtime_truth(args, case, flags, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return case, lib, found, truth, details


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--initscan", required=True)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--libcxx", action="store_true",
                        help="also with -stdlib=libc++")
    parser.add_argument("-j", type=int, default=os.cpu_count() or 2)
    parser.add_argument("-v", action="store_true", help="print every case")
    parser.add_argument("cases", nargs="+")
    args = parser.parse_args()
    # A directory without an `expect` file holds cases.
    cases = []
    for path in args.cases:
        if os.path.exists(os.path.join(path, "expect")):
            cases.append(path)
        else:
            cases += [os.path.join(path, d) for d in sorted(os.listdir(path))
                      if os.path.isdir(os.path.join(path, d))]
    args.cases = cases

    libs = ["libstdc++"] + (["libc++"] if args.libcxx else [])
    jobs = [(c, l) for c in sorted(args.cases) for l in libs]
    tp = fp = fn = 0
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        results = list(pool.map(lambda j: check_case(args, *j), jobs))
    for case, lib, found, truth, details in results:
        name = "%s [%s]" % (os.path.basename(case.rstrip("/")), lib)
        expect = expected_pairs(case)
        deps = {d for _, d in found}
        tp += len(deps & truth)
        fp += len(deps - truth)
        fn += len(truth - deps)
        problems = []
        if deps != truth:
            problems.append("initscan dependencies %s, runtime %s" %
                            (sorted(deps), sorted(truth)))
        if found != expect:
            problems.append("initscan reports %s, expected %s" %
                            (sorted(found), sorted(expect)))
        if problems:
            failures.append("%s: %s\n    %s" % (name, "; ".join(problems),
                                                "\n    ".join(details)))
        elif args.v:
            print("ok %s: %s" % (name, sorted(found) or "silent"))
    for failure in failures:
        print("MISMATCH " + failure)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print("init-order oracle: %d programs, %d runs, %d true positives, "
          "%d false positives, %d false negatives, precision %.2f, "
          "recall %.2f" % (len(args.cases), len(results), tp, fp, fn,
                           precision, recall))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
