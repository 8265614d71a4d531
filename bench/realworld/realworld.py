#!/usr/bin/env python3
"""initscan over real C++ projects, checked against the compiler.

For every C++ translation unit of every corpus project (bench/realworld/
corpus.py: Debian source packages fetched with `apt-get source`, configured
with their own build system to get compile_commands.json):

  * `clang++ -fsyntax-only`           CPU time and peak RSS (the baseline);
  * `initscan --format=json --system-headers`  CPU time, peak RSS, findings,
    crashes (killed by a signal), hangs (per-TU timeout), parse failures;
  * the differential oracle of test/tools/differential.py: the variables
    for which `clang++ -S -emit-llvm -O0` emits a __cxx_global_var_init,
    compared with initscan's dynamic set -> precision and recall, by
    occurrence (per TU) and by unique global (mangled name).

All three see the same flags (the TU's, minus output options and -O).
Prints one table row per project and a total; `--markdown FILE` writes the
table for docs/realworld.md, `--json FILE` every measurement. Exit code 1 when
there is a crash, a hang, an initscan-only parse failure or an oracle
difference (the targets: 0, 0, 0, precision = recall = 1.0).

  realworld.py --initscan build/bin/initscan [--projects a,b] [-j 2]
"""

import argparse
import collections
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "test", "tools"))

import corpus  # noqa: E402
import differential  # noqa: E402  (the oracle; reused, not duplicated)


def measured(cmd, cwd, timeout):
    """Runs cmd; returns dict(rc, cpu seconds, rss KiB, out, err, timed_out);
    rc < 0: killed by that signal. Through GNU time: a direct child of this
    (large) Python process would count Python's pages in its peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as usage:
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%U %S %M", "-o", usage.name] + cmd,
                                cwd=cwd, stdout=out, stderr=err, start_new_session=True)
        timed_out = False
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            timed_out = True
        lines = usage.read().splitlines()
        rc = proc.returncode
        killed = [l for l in lines if l.startswith("Command terminated by signal")]
        if killed:
            rc = -int(killed[0].split()[-1])
        try:
            user, system, rss = lines[-1].split()
            cpu, rss = float(user) + float(system), int(rss)
        except (IndexError, ValueError):
            cpu, rss = float("nan"), 0
        out.seek(0)
        err.seek(0)
        return {"rc": rc, "cpu": cpu, "rss": rss, "timed_out": timed_out,
                "out": out.read().decode(errors="replace"),
                "err": err.read().decode(errors="replace")}


def first_error(text):
    for line in text.splitlines():
        if "error:" in line:
            return line.strip()[:200]
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1][:200] if lines else "no output"


def analyse_tu(args, roots, directory, path, flags):
    """Everything measured for one TU, as a JSON-able dict."""
    try:
        return measure_tu(args, roots, directory, path, flags)
    except OSError as e:  # The runner's own trouble, e.g. a tool vanished.
        return {"file": path, "flags": flags, "status": "runner-error", "reason": str(e)}


def measure_tu(args, roots, directory, path, flags):
    r = {"file": path, "flags": flags}
    cc = measured([args.clangxx, "-fsyntax-only"] + flags + [path], directory, args.timeout)
    r["clang_cpu"], r["clang_rss"] = cc["cpu"], cc["rss"]
    if cc["rc"] != 0:
        r["status"] = "clang-fails"
        r["reason"] = first_error(cc["err"])
        return r
    # Every initscan check, whatever the project's .clang-tidy enables.
    cmd = [args.initscan, "--format=json", "--system-headers", "--checks=initscan-*",
           path, "--"] + flags
    run = measured(cmd, directory, args.timeout)
    r["initscan_cpu"], r["initscan_rss"] = run["cpu"], run["rss"]
    crashed = run["rc"] < 0 or "PLEASE submit a bug report" in run["err"] or \
        "Stack dump" in run["err"]
    if run["timed_out"]:
        r["status"], r["reason"] = "hang", "over %ss" % args.timeout
        return r
    if crashed:
        r["status"], r["reason"] = "crash", first_error(run["err"])
        return r
    try:
        doc = json.loads(run["out"])
    except ValueError:
        doc = None
    if doc is None or run["rc"] not in (0, 1) or \
            any(u.get("failed") for u in doc.get("translation_units", [])):
        r["status"], r["reason"] = "parse-fails", first_error(run["err"])
        return r
    # Findings in the project's own files (--system-headers, which the oracle
    # needs, also reports the standard library's).
    r["findings"] = collections.Counter(
        f["check"] for f in doc.get("findings", [])
        if os.path.realpath(f.get("file", "")).startswith(roots))
    try:
        mine = differential.dynamic_globals_of_report(run["out"], path, cmd)
        clang = differential.clang_dynamic_globals(args.clangxx, path, flags, directory)
    except differential.Failure as e:
        r["status"], r["reason"] = "oracle-error", str(e).splitlines()[0][:200]
        return r
    r["status"] = "ok"
    r["clang_dynamic"] = sorted(clang)
    r["initscan_dynamic"] = sorted(mine)
    return r


def ratio(a, b):
    return a / b if b else float("nan")


def fmt(value, digits=3):
    return "n/a" if value != value else "%.*f" % (digits, value)


def summarise(name, results):
    """A table row from the per-TU results of one project (or all)."""
    statuses = collections.Counter(r["status"] for r in results)
    findings = collections.Counter()
    tp = fp = fn = 0
    unique_clang, unique_mine, unique_both = set(), set(), set()
    cc_cpu = is_cpu = 0.0
    rss_ratios = []
    for r in results:
        findings.update(r.get("findings", {}))
        if r["status"] != "ok":
            continue
        clang, mine = set(r["clang_dynamic"]), set(r["initscan_dynamic"])
        tp += len(clang & mine)
        fp += len(mine - clang)
        fn += len(clang - mine)
        unique_clang |= clang
        unique_mine |= mine
        unique_both |= clang & mine
        cc_cpu += r["clang_cpu"]
        is_cpu += r["initscan_cpu"]
        rss_ratios.append(ratio(r["initscan_rss"], r["clang_rss"]))
    return {
        "project": name, "tus": len(results),
        "parse_fails": statuses["parse-fails"] + statuses["clang-fails"],
        "initscan_only_parse_fails": statuses["parse-fails"],
        "crashes": statuses["crash"], "hangs": statuses["hang"],
        "oracle_errors": statuses["oracle-error"] + statuses["runner-error"],
        "findings": dict(sorted(findings.items())),
        "dynamic_occurrences": tp + fn,
        "precision_occ": ratio(tp, tp + fp), "recall_occ": ratio(tp, tp + fn),
        "dynamic_unique": len(unique_clang),
        "precision_unique": ratio(len(unique_both), len(unique_mine)),
        "recall_unique": ratio(len(unique_both), len(unique_clang)),
        "time_ratio": ratio(is_cpu, cc_cpu),
        "rss_ratio_median": statistics.median(rss_ratios) if rss_ratios else float("nan"),
        "rss_ratio_max": max(rss_ratios) if rss_ratios else float("nan"),
    }


SHORT_CHECK = {
    "initscan-expensive-static-init": "expensive",
    "initscan-eager-singleton": "singleton",
    "initscan-type-erased-callable-map": "callable-map",
    "initscan-heap-escaping-capture": "capture",
}


def table(rows):
    checks = sorted({c for r in rows for c in r["findings"]})
    head = ["project", "TUs", "parse fail", "crash", "hang", "dyn (occ/uniq)",
            "P occ", "R occ", "P uniq", "R uniq", "time x", "RSS x med (max)"] + \
        [SHORT_CHECK.get(c, c) for c in checks]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r["project"], str(r["tus"]), str(r["parse_fails"]), str(r["crashes"]),
                 str(r["hangs"]), "%d/%d" % (r["dynamic_occurrences"], r["dynamic_unique"]),
                 fmt(r["precision_occ"]), fmt(r["recall_occ"]),
                 fmt(r["precision_unique"]), fmt(r["recall_unique"]),
                 fmt(r["time_ratio"], 2),
                 "%s (%s)" % (fmt(r["rss_ratio_median"], 2), fmt(r["rss_ratio_max"], 2))] + \
            [str(r["findings"].get(c, 0)) for c in checks]
        if r["project"] == "total":
            cells = ["**%s**" % c for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_results(args, rows, everything):
    """The table of `rows` plus a total, written to --markdown and --json."""
    if len(rows) > 1:
        rows = rows + [summarise("total", everything)]
    text = table(rows)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"projects": rows, "translation_units": everything}, f, indent=1)
    return text


def main(argv):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--initscan", required=True, help="the initscan CLI")
    p.add_argument("--clangxx", default=shutil.which(corpus.CXX) or corpus.CXX)
    p.add_argument("--projects", default="",
                   help="comma-separated corpus projects (default: all); 'ci' = the CI slice")
    p.add_argument("-j", "--jobs", type=int, default=2, help="TUs at once (default 2)")
    p.add_argument("--timeout", type=float, default=300, help="per-TU timeout in seconds")
    p.add_argument("--markdown", help="write the table (markdown) here")
    p.add_argument("--json", help="write every measurement here")
    args = p.parse_args(argv)
    args.initscan = os.path.abspath(args.initscan)
    if not os.access(args.initscan, os.X_OK):
        p.error("cannot run --initscan %s" % args.initscan)
    names = ",".join(corpus.CI_SLICE) if args.projects == "ci" else args.projects

    demangle = differential.Demangler(args.clangxx)
    rows, everything, problems = [], [], 0
    for project in corpus.select(names):
        try:
            src = corpus.source_dir(project)
            db = corpus.configure(project, src, corpus.build_dir(project, src))
        except (RuntimeError, subprocess.CalledProcessError) as e:
            print("%s: cannot set up: %s" % (project.name, e))
            problems += 1
            continue
        units = corpus.translation_units(db)
        corpus.log("realworld: %s: %d TUs" % (project.name, len(units)))
        # Projects one after the other, TUs of one project -j at a time.
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            roots = tuple(os.path.realpath(d) + os.sep
                          for d in (src, corpus.build_dir(project, src)))
            results = list(pool.map(lambda u: analyse_tu(args, roots, *u), units))
        for r in results:
            r["project"] = project.name
            if r["status"] not in ("ok",):
                print("%s: %s: %s: %s" % (project.name, r["status"], r["file"],
                                          r.get("reason", "")))
                continue
            clang, mine = set(r["clang_dynamic"]), set(r["initscan_dynamic"])
            demangle(list(clang ^ mine))
            for name in sorted(clang - mine):
                print("%s: MISSED (clang emits an initializer): %s in %s"
                      % (project.name, demangle.show(name), r["file"]))
            for name in sorted(mine - clang):
                print("%s: EXTRA (clang emits no initializer): %s in %s"
                      % (project.name, demangle.show(name), r["file"]))
        row = summarise(project.name, results)
        row["style"] = project.style
        rows.append(row)
        everything += results
        problems += row["crashes"] + row["hangs"] + row["initscan_only_parse_fails"] + \
            row["oracle_errors"] + (row["precision_occ"] < 1) + (row["recall_occ"] < 1)
        # After every project: a long run that is stopped keeps its tables.
        text = write_results(args, rows, everything)
    print(text if rows else "realworld: no project analysed")
    print("realworld: %d projects, %d TUs, %s" % (
        len([r for r in rows if r["project"] != "total"]), len(everything),
        "OK" if problems == 0 else "%d problem(s)" % problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
