#!/usr/bin/env python3
"""Runs one initscan clang-tidy check on a test file and verifies its output.

Usage (from a lit RUN line, through the %check_clang_tidy substitution):

  check_clang_tidy.py [--clang-tidy X] [--module M] [--clangxx C]
                      [-check-suffix S[,S...]] [-std c++17[,c++20|c++17-or-later]]
                      [-expect-clang-tidy-error]
                      <input.cpp> <check-name> <temp-file>
                      [-- <extra clang-tidy args>] [-- <compiler flags>]

Steps, each failing loudly with the commands and their output:
  1. Copy <input.cpp> to <temp-file>.cpp with the text of every CHECK-* comment
     blanked out (the `//` stays, so line numbers stay those of the input and
     [[@LINE]] patterns work).
  2. Run `clang-tidy -load <module> --checks=-*,<check-name> -fix --config={}
     --header-filter=^$ (unless the test passes its own)
     <temp> -- <compiler flags>`.
  3. FileCheck the diagnostics against CHECK-MESSAGES[-SUFFIX] (any warning or
     error not matched fails), or against CHECK-NOTES[-SUFFIX] (notes too).
     Without any CHECK-* line, no diagnostic at all is expected.
  4. FileCheck the fixed file against CHECK-FIXES[-SUFFIX] (--match-full-lines)
     when the test has such lines.
  5. Recompile the fixed file with `clang++ -fsyntax-only <compiler flags>`: a
     fix-it that breaks the code fails the test even when no CHECK-FIXES
     mention it.

Compiler flags default to -std=c++17; a -std option (comma-separated list,
`c++17-or-later` = c++17,c++20,c++23) runs the whole sequence once per
standard. The directory of the input is put
on the quote-include path so `#include "Inputs/x.h"` works from the copy.
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys

CHECK_LINE = re.compile(r"//[ \t]*CHECK-[A-Z0-9\-]*:[^\r\n]*")
SUFFIX_RE = re.compile(r"^[A-Z0-9\-]+$")
DIRECTIVE_KINDS = r"(?:-NEXT|-SAME|-NOT|-DAG|-LABEL|-EMPTY|-COUNT-[0-9]+)?"


class TestFailure(Exception):
    pass


def find_tool(name, explicit):
    if explicit:
        return explicit
    found = shutil.which(name) or shutil.which(name + "-19")
    if not found:
        raise TestFailure("cannot find %s; pass it explicitly" % name)
    return found


def show(cmd):
    return " ".join(shlex.quote(c) for c in cmd)


def run(cmd, what, expect_failure=False, stdin_text=None):
    """Runs cmd, returns its combined stdout+stderr; raises on unexpected rc."""
    print("RUN: " + show(cmd), flush=True)
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              input=stdin_text.encode() if stdin_text is not None else None)
    except OSError as e:
        raise TestFailure("%s: cannot run %s: %s" % (what, cmd[0], e))
    out = proc.stdout.decode("utf-8", errors="replace")
    failed = proc.returncode != 0
    if failed != expect_failure:
        raise TestFailure("%s %s (exit code %d):\n%s\n%s" % (
            what, "unexpectedly succeeded" if expect_failure else "failed",
            proc.returncode, show(cmd), out))
    return out


def banner(title, body):
    line = "-" * 24
    print("%s %s %s" % (line, title, line))
    print(body.rstrip("\n"))
    print("-" * (50 + len(title)), flush=True)


def has_directive(text, prefix):
    return re.search(r"\b%s%s:" % (re.escape(prefix), DIRECTIVE_KINDS), text) is not None


def split_args(argv):
    """Splits argv at the first two `--`: (own args, clang-tidy args, compiler
    flags or None when no second `--` was given)."""
    if "--" not in argv:
        return argv, [], None
    i = argv.index("--")
    own, rest = argv[:i], argv[i + 1:]
    if "--" not in rest:
        return own, rest, None
    j = rest.index("--")
    return own, rest[:j], rest[j + 1:]


def parse_args(argv):
    own, tidy_args, compiler_flags = split_args(argv)
    p = argparse.ArgumentParser(
        prog="check_clang_tidy.py",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--clang-tidy", dest="clang_tidy")
    p.add_argument("--module", help="the clang-tidy plugin to -load")
    p.add_argument("--clangxx", help="clang++ used to recompile the fixed file")
    p.add_argument("--filecheck", help="FileCheck (default: from PATH or next to clang-tidy)")
    p.add_argument("-check-suffix", "-check-suffixes", "--check-suffix",
                   dest="check_suffix", default="",
                   help="comma-separated FileCheck prefix suffixes")
    p.add_argument("-std", "--std", dest="std", default=None,
                   help="comma-separated standards, e.g. c++17,c++20")
    p.add_argument("-expect-clang-tidy-error", "--expect-clang-tidy-error",
                   dest="expect_error", action="store_true")
    p.add_argument("input_file")
    p.add_argument("check_name")
    p.add_argument("temp_file")
    args = p.parse_args(own)
    args.tidy_args = tidy_args
    args.compiler_flags = compiler_flags if compiler_flags is not None else []
    return args


class Runner:
    def __init__(self, args, std):
        self.args = args
        self.clang_tidy = find_tool("clang-tidy", args.clang_tidy)
        sibling = os.path.join(os.path.dirname(self.clang_tidy), "clang++")
        self.clangxx = args.clangxx or (sibling if os.path.exists(sibling)
                                        else find_tool("clang++", None))
        filecheck = args.filecheck
        if not filecheck:
            sibling = os.path.join(os.path.dirname(self.clang_tidy), "FileCheck")
            filecheck = sibling if os.path.exists(sibling) else find_tool("FileCheck", None)
        self.filecheck = filecheck
        self.input_file = args.input_file
        base = args.temp_file + (("." + std.replace("+", "x")) if std else "")
        ext = os.path.splitext(args.input_file)[1]
        if ext not in (".cpp", ".cc", ".cxx", ".hpp", ".h", ".c"):
            ext = ".cpp"
        self.temp_file = base + ext
        self.orig_file = base + ".orig" + ext
        flags = list(args.compiler_flags)
        if std:
            flags = [f for f in flags if not f.startswith("-std=")] + ["-std=" + std]
        elif not any(f.startswith(("-std=", "--std=", "/std:")) for f in flags):
            flags.append("-std=c++17")
        # Quote includes resolve as if the file had not moved.
        flags = ["-iquote", os.path.dirname(os.path.abspath(self.input_file))] + flags
        self.compiler_flags = flags
        self.tidy_args = list(args.tidy_args)
        if not any(re.match(r"^--?config(-file)?=", a) for a in self.tidy_args):
            self.tidy_args.append("--config={}")
        # No diagnostics from headers unless the test asks for them: the
        # default of clang-tidy up to 20; 21 changed the default filter to .*
        # (a regex that matches no path keeps the tests version-independent).
        if not any(re.match(r"^--?header-filter=", a) for a in self.tidy_args):
            self.tidy_args.append("--header-filter=^$")
        self.suffixes = [s.strip() for s in args.check_suffix.split(",")]

    def prefixes(self, text):
        """CHECK-MESSAGES / CHECK-NOTES / CHECK-FIXES prefixes used by the test."""
        found = {"MESSAGES": [], "NOTES": [], "FIXES": []}
        for suffix in self.suffixes:
            if suffix and not SUFFIX_RE.match(suffix):
                raise TestFailure('check suffixes may use only A-Z, 0-9 and "-", got "%s"'
                                  % suffix)
            tail = ("-" + suffix) if suffix else ""
            here = set()
            for kind in found:
                prefix = "CHECK-%s%s" % (kind, tail)
                if has_directive(text, prefix):
                    found[kind].append(prefix)
                    here.add(kind)
            any_for_suffix = bool(here)
            if "MESSAGES" in here and "NOTES" in here:
                raise TestFailure("use either CHECK-MESSAGES%s or CHECK-NOTES%s, not both"
                                  % (tail, tail))
            if suffix and not any_for_suffix:
                raise TestFailure("no CHECK-MESSAGES%s, CHECK-NOTES%s or CHECK-FIXES%s "
                                  "line in %s" % (tail, tail, tail, self.input_file))
        return found

    def filecheck_run(self, input_path, prefixes, extra, what):
        cmd = [self.filecheck, "--input-file=" + input_path, self.input_file,
               "--check-prefixes=" + ",".join(prefixes)] + extra
        run(cmd, what)

    def run(self):
        with open(self.input_file, encoding="utf-8") as f:
            text = f.read()
        pre = self.prefixes(text)
        expect_nothing = not (pre["MESSAGES"] or pre["NOTES"] or pre["FIXES"])

        os.makedirs(os.path.dirname(os.path.abspath(self.temp_file)), exist_ok=True)
        cleaned = CHECK_LINE.sub("//", text)
        for path in (self.temp_file, self.orig_file):
            with open(path, "w", encoding="utf-8") as f:
                f.write(cleaned)

        tidy_cmd = [self.clang_tidy]
        if self.args.module:
            tidy_cmd.append("-load=" + self.args.module)
        tidy_cmd += [self.temp_file, "-fix", "--checks=-*," + self.args.check_name]
        tidy_cmd += self.tidy_args + ["--"] + self.compiler_flags
        if self.args.module and not os.path.exists(self.args.module):
            raise TestFailure("the clang-tidy module %s does not exist (not built?)"
                              % self.args.module)
        try:
            output = run(tidy_cmd, "clang-tidy", expect_failure=self.args.expect_error)
        except TestFailure as e:
            text = str(e)
            if "no checks enabled" in text:
                # clang-tidy printed its whole --help: keep only the errors.
                errors = [l for l in text.splitlines()
                          if re.match(r"^\s*(Error|error)\b", l) or "load request" in l]
                raise TestFailure("clang-tidy does not know the check '%s' (is it "
                                  "registered by %s?):\n%s" % (
                                      self.args.check_name, self.args.module,
                                      "\n".join(errors)))
            m = re.search(r"undefined symbol: (\S+)", text)
            if m and re.match(r"^_ZN?K?5clang", m.group(1)):
                raise TestFailure(text + "\nhint: the module needs a Clang symbol that "
                                  "clang-tidy does not export under that name; GCC and "
                                  "Clang mangle some templates differently (e.g. "
                                  "OptionsView::get<bool>), so build the module with "
                                  "clang++ or avoid those templates")
            if m:
                raise TestFailure(text + "\nhint: the module is incomplete: it does not "
                                  "define a symbol it uses (a source missing from its "
                                  "target, or a stale build?)")
            raise
        banner("clang-tidy output", output)

        diff = subprocess.run(["diff", "-u", self.orig_file, self.temp_file],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        banner("fixes", diff.stdout.decode("utf-8", errors="replace"))

        if "unable to load plugin" in output.lower() or \
                re.search(r"error: .*-load", output):
            raise TestFailure("clang-tidy could not load the module %s" % self.args.module)

        diag_lines = [l for l in output.splitlines()
                      if re.search(r"\b(warning|error):", l)]
        if expect_nothing:
            if diag_lines:
                raise TestFailure("no diagnostics were expected (the test has no "
                                  "CHECK-MESSAGES/NOTES/FIXES lines), but got:\n"
                                  + "\n".join(diag_lines))
        else:
            if pre["MESSAGES"]:
                msg_file = self.temp_file + ".msg"
                with open(msg_file, "w", encoding="utf-8") as f:
                    f.write(output)
                self.filecheck_run(msg_file, pre["MESSAGES"],
                                   ["--allow-empty", "-implicit-check-not={{warning|error}}:"],
                                   "FileCheck of the messages")
            if pre["NOTES"]:
                notes_file = self.temp_file + ".notes"
                with open(notes_file, "w", encoding="utf-8") as f:
                    f.write("\n".join(l for l in output.splitlines()
                                      if "note: FIX-IT applied" not in l) + "\n")
                self.filecheck_run(notes_file, pre["NOTES"],
                                   ["--allow-empty", "-implicit-check-not={{note|warning|error}}:"],
                                   "FileCheck of the notes")
            if not pre["MESSAGES"] and not pre["NOTES"] and diag_lines:
                raise TestFailure("the test has only CHECK-FIXES lines, but clang-tidy "
                                  "reported diagnostics; check them with CHECK-MESSAGES:\n"
                                  + "\n".join(diag_lines))
            if pre["FIXES"]:
                self.filecheck_run(self.temp_file, pre["FIXES"], ["--match-full-lines"],
                                   "FileCheck of the fixed file")

        # The fixed code must still compile (unless the test is about an input
        # that does not compile in the first place).
        if self.args.expect_error:
            return
        recompile = [self.clangxx, "-fsyntax-only"] + self.compiler_flags + [self.temp_file]
        out = run(recompile, "recompiling the fixed file")
        if out.strip():
            banner("recompile output", out)


CXX_STANDARDS = ["c++11", "c++14", "c++17", "c++20", "c++23"]
CXX_ALIASES = {"c++1y": "c++14", "c++1z": "c++17", "c++2a": "c++20", "c++2b": "c++23"}


def expand_std(std):
    """c++17-or-later -> c++17, c++20, c++23; anything else as given."""
    if not std.endswith("-or-later"):
        return [std]
    first = std[:-len("-or-later")]
    first = CXX_ALIASES.get(first, first)
    if first not in CXX_STANDARDS:
        raise TestFailure("unknown standard in -std %s" % std)
    return CXX_STANDARDS[CXX_STANDARDS.index(first):]


def main(argv):
    args = parse_args(argv)
    try:
        stds = [e for s in args.std.split(",") for e in expand_std(s.strip())] \
            if args.std else [None]
    except TestFailure as e:
        print("check_clang_tidy.py: %s" % e, file=sys.stderr)
        return 2
    try:
        for std in stds:
            if std:
                print("=== -std=%s ===" % std, flush=True)
            Runner(args, std).run()
    except TestFailure as e:
        print("check_clang_tidy.py: FAILED: %s" % e, file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
