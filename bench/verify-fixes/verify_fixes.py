#!/usr/bin/env python3
"""Do initscan's rewrites keep real programs working?

For every corpus project (bench/realworld/corpus.py) and every check that has
fix-its there: copy the sources, configure the copy, apply
`initscan --fix --checks=-*,<check>` to it, rebuild it, and run the project's
own test suite (when it has a quick one). A fix-it that breaks the build or a
test is a bug in the rewrite (lib/Rewrite.cpp): the run exits 1. When the
fixed copy fails, the unmodified sources are built and tested the same way,
so a failure that is not initscan's (a flaky or broken upstream test) is
reported as such.

Prints per project and check, then per check: fix-its applied, builds green,
tests green. `--markdown FILE` writes the per-check table for
docs/realworld.md.

  verify_fixes.py --initscan build/bin/initscan [--projects a,b]
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "realworld"))

import corpus  # noqa: E402
from corpus import log, sh  # noqa: E402


def fixits_per_check(initscan, db_dir):
    """{check: number of distinct fix-its} over the whole compile database."""
    # The report alone: diagnostics on stderr may contain braces too.
    proc = subprocess.run([initscan, "--format=json", "--checks=initscan-*", "-j2",
                           "-p", db_dir] +
                          [u[1] for u in corpus.translation_units(
                              os.path.join(db_dir, "compile_commands.json"))],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        doc = json.loads(proc.stdout.decode(errors="replace"))
    except ValueError:
        raise RuntimeError("initscan --format=json gave no report (exit %d): %s" % (
            proc.returncode, proc.stderr.decode(errors="replace")[-2000:]))
    seen = collections.defaultdict(set)
    for f in doc.get("findings", []):
        for rep in f.get("replacements", []):
            seen[f["check"]].add((rep["file"], rep["offset"], rep["length"],
                                  rep["replacement"]))
    return {c: len(s) for c, s in seen.items()}


def build_and_test(project, build):
    """(build ok, tests ok or None when the project has no quick suite, log)."""
    env = dict(os.environ, CC=corpus.CC, CXX=corpus.CXX)
    if project.cmake is not None:
        ok, out = sh(["ninja", "-C", build, "-j2"], env=env)
    else:
        ok, out = sh(project.compdb or project.bear, cwd=build, env=env)
    if not ok:
        return False, None, out[-3000:]
    if not project.test:
        return True, None, ""
    ok, out = sh(project.test, cwd=build, env=env)
    return True, ok, out[-3000:]


def fresh_copy(project, src, dest):
    """A configured copy of the sources under dest: (source dir, build dir)."""
    if os.path.exists(dest):
        shutil.rmtree(dest)
    copy = os.path.join(dest, os.path.basename(src))
    shutil.copytree(src, copy, symlinks=True)
    build = os.path.join(dest, "build") if project.cmake is not None else copy
    # An in-tree build (ninja-build) copies the original's database too, whose
    # paths name the original sources: --fix would rewrite the cache itself.
    copied_db = os.path.join(build, "compile_commands.json")
    if os.path.exists(copied_db):
        os.remove(copied_db)
    corpus.configure(project, copy, build)
    inside = os.path.realpath(dest) + os.sep
    for directory, path, _ in corpus.translation_units(copied_db):
        if not os.path.realpath(path).startswith(inside):
            raise RuntimeError("the copy's compile database names %s, outside %s" % (path, dest))
    return copy, build


def verify(args, project):
    rows = []
    src = corpus.source_dir(project)
    scan_build = corpus.build_dir(project, src)
    corpus.configure(project, src, scan_build)
    counts = fixits_per_check(args.initscan, scan_build)
    if not counts:
        log("verify-fixes: %s: no fix-its" % project.name)
    baseline = None
    for check, count in sorted(counts.items()):
        dest = os.path.join(corpus.CORPUS_DIR, "verify", "%s-%s" % (project.name, check))
        copy, build = fresh_copy(project, src, dest)
        ok, out = sh([args.initscan, "--fix", "-j2", "--checks=-*," + check, "-p", build] +
                     [u[1] for u in corpus.translation_units(
                         os.path.join(build, "compile_commands.json"))])
        m = re.search(r"applied (\d+) fix", out)
        applied = int(m.group(1)) if m else 0
        log("verify-fixes: %s: %s: %d fix-it(s) applied, building" % (project.name, check,
                                                                        applied))
        built, tested, why = build_and_test(project, build)
        row = {"project": project.name, "check": check, "fixits": applied,
               "build": built, "tests": tested, "note": ""}
        if not built or tested is False:
            if baseline is None:
                base_copy, base_build = fresh_copy(
                    project, src, os.path.join(corpus.CORPUS_DIR, "verify",
                                               project.name + "-unmodified"))
                baseline = build_and_test(project, base_build)
            if (not built and baseline[0]) or (tested is False and baseline[1]):
                row["note"] = "BROKEN BY THE FIX-ITS"
                print("%s %s: the fix-its break the %s:\n%s" % (
                    project.name, check, "build" if not built else "tests", why))
            else:
                row["note"] = "fails without the fix-its too"
        else:
            shutil.rmtree(dest)  # keep failing copies only, to look at
        rows.append(row)
    return rows


def main(argv):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--initscan", required=True)
    p.add_argument("--projects", default="", help="comma-separated (default: all)")
    p.add_argument("--markdown", help="write the per-check table here")
    args = p.parse_args(argv)
    args.initscan = os.path.abspath(args.initscan)
    rows = []
    for project in corpus.select(args.projects):
        try:
            rows += verify(args, project)
        except (RuntimeError, subprocess.CalledProcessError) as e:
            print("%s: cannot set up: %s" % (project.name, e))
            rows.append({"project": project.name, "check": "(setup)", "fixits": 0,
                         "build": False, "tests": None, "note": "setup failed"})
    mark = {True: "green", False: "RED", None: "n/a"}
    lines = ["| project | check | fix-its applied | build | tests | note |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append("| %s | %s | %d | %s | %s | %s |" % (
            r["project"], r["check"], r["fixits"], mark[r["build"]], mark[r["tests"]],
            r["note"]))
    per_check = collections.OrderedDict()
    for r in rows:
        c = per_check.setdefault(r["check"], [0, 0, 0, 0, 0])
        c[0] += r["fixits"]
        c[1] += r["build"]
        c[2] += 1
        c[3] += r["tests"] is True
        c[4] += r["tests"] is not None
    summary = ["| check | fix-its applied | builds green | tests green |",
               "|---|---|---|---|"]
    for check, (fixits, built, projects, tested, suites) in sorted(per_check.items()):
        summary.append("| %s | %d | %d/%d | %d/%d |" % (check, fixits, built, projects,
                                                        tested, suites))
    text = "\n".join(lines) + "\n\n" + "\n".join(summary)
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    broken = [r for r in rows if r["note"] in ("BROKEN BY THE FIX-ITS", "setup failed")]
    print("verify-fixes: %d project/check pairs, %d broken" % (len(rows), len(broken)))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
