#!/usr/bin/env python3
"""Differential oracle: initscan's dynamic globals vs. what clang emits.

For each input file and each -std, two sets of mangled names are compared:

  clang:    every variable for which `clang++ -S -emit-llvm -O0` emits a
            `__cxx_global_var_init[.N]` function (dynamic initialization or a
            destructor registered with __cxa_atexit / __cxa_thread_atexit;
            thread_local variables included);
  initscan: `initscan --format=json --system-headers <file> -- <flags>`, the
            mangled names of the entries of `globals` that say clang emits an
            init function (`dynamic`, which the CLI sets from
            StaticInitializer::emitsInitFunction(); `emits_init_function`
            takes precedence if the JSON ever has it). Constructor functions
            are not globals and are skipped.

Any difference is printed with demangled names and makes the exit code 1.

  differential.py --initscan BIN --clangxx CLANG [--std c++17 --std c++20]
                  FILE... [-- EXTRA COMPILER FLAGS]
  differential.py --clang-only --clangxx CLANG FILE...   # clang half only
  differential.py --self-test [--clangxx CLANG]          # IR parser sanity test
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

# ----------------------------------------------------------------------------
# LLVM IR parsing (textual IR of clang -S -emit-llvm -O0)
# ----------------------------------------------------------------------------

GLOBAL_NAME = r'@(?:"(?:[^"\\]|\\.)*"|[-a-zA-Z$._][-a-zA-Z$._0-9]*|[0-9]+)'
NAME_RE = re.compile(GLOBAL_NAME)
GLOBAL_DEF_RE = re.compile(r"^(%s)\s*=\s*(.*)$" % GLOBAL_NAME)
TYPE_NAME = r'%(?:"(?:[^"\\]|\\.)*"|[-a-zA-Z$._][-a-zA-Z$._0-9]*)'
TYPE_DEF_RE = re.compile(r"^(%s)\s*=\s*type\s+(.*)$" % TYPE_NAME)
FUNC_RE = re.compile(r"^(define|declare)\b[^@]*(%s)\(" % GLOBAL_NAME)
INIT_FUNC_RE = re.compile(r"^@__cxx_global_var_init(\.[0-9]+)?$")
LOCAL_RE = re.compile(r"^\s*(%[-a-zA-Z$._0-9]+)\s*=\s*(.*)$")

# Linkage/visibility/attribute words that may precede `global`/`constant`.
VAR_KEYWORDS = ("global", "constant")


def unquote(name):
    """'@"foo bar"' -> 'foo bar', '@foo' -> 'foo'."""
    name = name[1:]
    if name.startswith('"'):
        name = name[1:-1]
        name = re.sub(r"\\([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), name)
    return name


def split_top_level(text, sep=","):
    """Splits on sep outside (), [], {}, <> and quotes."""
    parts, depth, cur, quote = [], 0, [], False
    for ch in text:
        if quote:
            cur.append(ch)
            if ch == '"':
                quote = False
            continue
        if ch == '"':
            quote = True
        elif ch in "([{<":
            depth += 1
        elif ch in ")]}>":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts]


def matching_paren(text, open_idx):
    """Index of the ')' matching text[open_idx] == '('."""
    depth, quote = 0, False
    for i in range(open_idx, len(text)):
        ch = text[i]
        if quote:
            if ch == '"':
                quote = False
            continue
        if ch == '"':
            quote = True
        elif ch in "([{<":
            depth += 1
        elif ch in ")]}>":
            depth -= 1
            if depth == 0:
                return i
    return len(text)


class Module:
    """The parts of a textual IR module the oracle needs."""

    def __init__(self, text):
        self.variables = {}      # name -> definition text (after '=')
        self.functions = set()   # defined or declared function names
        self.bodies = {}         # defined function name -> list of body lines
        self.ctor_keys = {}      # init function -> key variable from llvm.global_ctors
        self.types = {}          # named struct type -> its body ("{ i8 }")
        self.writes_nothing = set()  # init functions that store to no global
        self._parse(text)

    def _parse(self, text):
        lines = text.splitlines()
        i = 0
        while i < len(lines):
            line = lines[i]
            m = FUNC_RE.match(line)
            if m:
                name = unquote(m.group(2))
                self.functions.add(name)
                if m.group(1) == "define" and line.rstrip().endswith("{"):
                    body = []
                    i += 1
                    while i < len(lines) and lines[i] != "}":
                        body.append(lines[i])
                        i += 1
                    self.bodies[name] = body
                i += 1
                continue
            m = TYPE_DEF_RE.match(line)
            if m:
                self.types[m.group(1)] = m.group(2).strip()
                i += 1
                continue
            m = GLOBAL_DEF_RE.match(line)
            if m:
                name, rest = unquote(m.group(1)), m.group(2)
                # The first `global`/`constant` keyword precedes the type.
                head = rest.split('"', 1)[0]
                toks = head.split()
                kind = None
                for t in toks:
                    if t in VAR_KEYWORDS:
                        kind = "var"
                        break
                    if t in ("alias", "ifunc"):
                        kind = "alias"
                        break
                if kind == "var":
                    self.variables[name] = rest
                    if name == "llvm.global_ctors":
                        self._parse_ctors(rest)
                elif kind == "alias":
                    self.functions.add(name)  # aliases here are of functions
            i += 1

    def _parse_ctors(self, rest):
        for m in re.finditer(r"\{\s*i32\s+\d+,\s*ptr\s+(%s),\s*ptr\s+(%s|null)\s*\}"
                             % (GLOBAL_NAME, GLOBAL_NAME), rest):
            if m.group(2) != "null":
                self.ctor_keys[unquote(m.group(1))] = unquote(m.group(2))

    def is_user_variable(self, name):
        """A variable of the program (not a guard, temporary, string, ...)."""
        if name not in self.variables or name in self.functions:
            return False
        if name.startswith(("llvm.", ".", "__const.", "_ZGV", "_ZGR", "_ZTV", "_ZTI",
                            "_ZTS", "_ZTT", "__dso_handle", "__tls_guard")):
            return False
        if name in ("__dso_handle", "__tls_guard", "constinit") or \
                name.startswith("constinit."):
            return False
        definition = self.variables[name]
        if re.match(r"^\s*private\b", definition):
            return False
        return True

    def init_functions(self):
        return sorted((n for n in self.bodies if INIT_FUNC_RE.match("@" + n)),
                      key=lambda n: (len(n), n))

    def initialized_variable(self, fn):
        """The variable that __cxx_global_var_init function fn initializes."""
        key = self.ctor_keys.get(fn)
        if key and self.is_user_variable(key):
            return key
        body = self.bodies[fn]
        tls_values = {}  # %N -> variable, results of llvm.threadlocal.address

        def var_in(operand):
            for ref in NAME_RE.findall(operand):
                name = unquote(ref)
                if self.is_user_variable(name):
                    return name
            for ref in re.findall(r"%[-a-zA-Z$._0-9]+", operand):
                if ref in tls_values:
                    return tls_values[ref]
            return None

        # The variable is the target of the LAST store / constructor / sret
        # call on the normal path: the initializer's own side effects come
        # first (gflags: `FLAGS_nono = ++counter` stores to counter, then to
        # FLAGS_nono; `o_x(..., new (s_x[1].s) string(...))` constructs into
        # s_x, then o_x). Exception cleanup blocks are skipped.
        first_seen = None
        last_target = None
        in_cleanup = False
        for raw in body:
            line = raw.split(";", 1)[0] if not raw.lstrip().startswith(";") else ""
            if not line.strip():
                continue
            if re.match(r"^[-\w.$\"]+:", line):  # A block label.
                in_cleanup = False
                continue
            if re.search(r"\b(landingpad|cleanuppad|catchpad)\b", line):
                in_cleanup = True
            if in_cleanup:
                continue
            result = None
            m = LOCAL_RE.match(line)
            inst = line.strip()
            if m:
                result, inst = m.group(1), m.group(2).strip()
            if first_seen is None:
                first_seen = var_in(inst)
            # store [atomic] [volatile] <ty> <val>, ptr <dest>[, ...]
            if re.match(r"^store\b", inst):
                ops = split_top_level(re.sub(r"^store\s+(atomic\s+)?(volatile\s+)?", "", inst))
                if len(ops) >= 2:
                    last_target = var_in(ops[1]) or last_target
                continue
            cm = re.search(r"\b(?:call|invoke)\b[^@%]*?(" + GLOBAL_NAME + r"|%[-\w.$]+)\(", inst)
            if not cm:
                if result and re.match(r"^getelementptr\b", inst):
                    v = var_in(inst)
                    if v and any(r in inst for r in tls_values):
                        tls_values[result] = v
                continue
            callee = unquote(cm.group(1)) if cm.group(1).startswith("@") else None
            open_idx = cm.end() - 1
            args = split_top_level(inst[open_idx + 1:matching_paren(inst, open_idx)])
            if callee and callee.startswith("llvm.threadlocal.address"):
                v = var_in(args[0]) if args else None
                if v and result:
                    tls_values[result] = v
                continue
            if callee in ("__cxa_atexit", "__cxa_thread_atexit", "atexit"):
                if len(args) >= 2:
                    v = var_in(args[1])
                    if v:
                        return v
                    # Arrays: __cxa_atexit(@__cxx_global_array_dtor.N, null, ...);
                    # the array is the global that helper destroys.
                    dtor = NAME_RE.search(args[0])
                    if dtor and unquote(dtor.group(0)).startswith("__cxx_global_array_dtor"):
                        for dline in self.bodies.get(unquote(dtor.group(0)), []):
                            v = var_in(dline)
                            if v:
                                return v
                continue
            if callee in ("__cxa_guard_acquire", "__cxa_guard_release", "__cxa_guard_abort"):
                continue
            if callee and callee.startswith(("llvm.memcpy", "llvm.memset", "llvm.memmove")):
                last_target = (var_in(args[0]) if args else None) or last_target
                continue
            # A call returning void whose first argument is a global: a
            # constructor (`this`) or a function returning into it (sret).
            returns_void = re.match(r"^(?:tail\s+|musttail\s+|notail\s+)?(?:call|invoke)\b"
                                    r"(?:\s+[a-z_]+(?:\([^)]*\))?)*?\s+void\s", inst)
            if returns_void and args:
                last_target = var_in(args[0]) or last_target
        if last_target:
            return last_target
        if first_seen is not None:
            # Nothing was written: see empty_class_variables.
            self.writes_nothing.add(fn)
        if first_seen is None:
            # Only a lifetime-extended temporary is initialized here (e.g. the
            # backing array of a constant-initialized initializer_list): it
            # belongs to the variable its mangled name embeds.
            for raw in body:
                for ref in NAME_RE.findall(raw):
                    owner = self.temporary_owner(unquote(ref))
                    if owner:
                        return owner
        return first_seen

    def temporary_owner(self, name):
        """_ZGR<encoding><seq>_ -> the variable owning that reference temporary."""
        if not name.startswith("_ZGR") or not name.endswith("_"):
            return None
        body = name[4:-1]
        # The sequence id ([0-9A-Z]*) may end in letters that also end the
        # encoding (an `E`): try every split, longest encoding first.
        for cut in range(len(body), -1, -1):
            if not re.match(r"^[0-9A-Z]*$", body[cut:]):
                break
            enc = body[:cut]
            candidates = ["_Z" + enc]
            plain = re.match(r"^([0-9]+)(.*)$", enc)
            if plain and len(plain.group(2)) == int(plain.group(1)):
                candidates.insert(0, plain.group(2))
            for c in candidates:
                if self.is_user_variable(c):
                    return c
        return None

    def is_empty_class_object(self, name):
        """A variable of a class without data members (IR type `{ i8 }`)."""
        m = re.search(r"\b(?:global|constant)\s+(%s)\s+zeroinitializer" % TYPE_NAME,
                      self.variables[name])
        return bool(m) and self.types.get(m.group(1)) == "{ i8 }"

    def empty_class_variables(self, attributed):
        """{init function: variable} for objects of an empty class.

        Their initializer runs code (abseil's `FlagRegistrarEmpty FLAGS_nox =
        FlagRegistrar(FLAGS_x).OnUpdate(f)` registers a flag), but there is
        nothing to store: the init function never names the variable, only
        what the initializer uses (FLAGS_x, which initialized_variable
        returned). The variable is the first empty-class object defined after
        that one that no init function names: an initializer can only name
        what is declared before it, and the IR keeps the definition order."""
        named = {unquote(ref) for fn in self.init_functions()
                 for line in self.bodies[fn] for ref in NAME_RE.findall(line)}
        order = list(self.variables)
        taken = set()
        result = {}
        for fn in self.init_functions():
            used = attributed.get(fn)
            if fn not in self.writes_nothing or used not in self.variables:
                continue
            for var in order[order.index(used) + 1:]:
                if (var not in named and var not in taken and
                        self.is_user_variable(var) and self.is_empty_class_object(var)):
                    result[fn] = var
                    taken.add(var)
                    break
        return result

    def dynamic_variables(self):
        """{variable: init function} for every __cxx_global_var_init."""
        result = {}
        unresolved = []
        # First every function on its own (this also finds the ones that
        # write nothing), then the empty-class objects among those.
        attributed = {fn: self.initialized_variable(fn) for fn in self.init_functions()}
        attributed.update(self.empty_class_variables(attributed))
        for fn in self.init_functions():
            var = attributed[fn]
            if var is None:
                unresolved.append(fn)
            elif var in result:
                # Two init functions for one variable: the parser attributed
                # one of them wrongly.
                unresolved.append("%s (also %s -> %s)" % (fn, result[var], var))
            else:
                result[var] = fn
        return result, unresolved


# ----------------------------------------------------------------------------
# Running the tools
# ----------------------------------------------------------------------------

class Failure(Exception):
    pass


def run(cmd, what, cwd=None):
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    except OSError as e:
        raise Failure("%s: cannot run %s: %s" % (what, cmd[0], e))
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace").splitlines()
        if len(err) > 40:
            err = err[:40] + ["... (%d more lines)" % (len(err) - 40)]
        out = proc.stdout.decode(errors="replace") if what != "clang" else ""
        raise Failure("%s failed (exit code %d):\n  %s\n%s%s" % (
            what, proc.returncode, " ".join(shlex.quote(c) for c in cmd),
            out[-4000:], "\n".join(err)))
    return proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace")


def clang_dynamic_globals(clangxx, path, flags, cwd=None):
    """cwd: where to run clang (relative paths in flags: a compile database's
    `directory`)."""
    cmd = [clangxx, "-S", "-emit-llvm", "-O0", "-o", "-"] + flags + [path]
    ir, _ = run(cmd, "clang", cwd)
    module = Module(ir)
    found, unresolved = module.dynamic_variables()
    if unresolved:
        raise Failure("%s %s: cannot tell which variable these functions initialize: %s"
                      % (path, " ".join(flags), ", ".join(unresolved)))
    return found


def json_truthy(entry, *keys):
    for k in keys:
        if k in entry:
            return bool(entry[k]), True
    return False, False


def initscan_dynamic_globals(initscan, path, flags, extra_args):
    cmd = [initscan, "--format=json"] + extra_args + [path, "--"] + flags
    out, _ = run(cmd, "initscan")
    return dynamic_globals_of_report(out, path, cmd)


def dynamic_globals_of_report(out, path, cmd):
    """The mangled names of the globals that initscan's JSON report `out`
    (printed by `cmd` for `path`) says get an init function."""
    try:
        doc = json.loads(out)
    except ValueError as e:
        raise Failure("initscan printed invalid JSON (%s):\n%s" % (e, out[:2000]))
    entries = []
    if isinstance(doc, dict) and "globals" in doc:
        entries = doc["globals"]
    elif isinstance(doc, dict) and "files" in doc:
        for f in doc["files"]:
            entries += f.get("globals", [])
    elif isinstance(doc, list):
        for f in doc:
            entries += f.get("globals", []) if isinstance(f, dict) else []
    else:
        raise Failure("initscan JSON has no `globals` array:\n%s" % out[:2000])
    if isinstance(doc, dict):
        for unit in doc.get("translation_units", []):
            if isinstance(unit, dict) and unit.get("failed"):
                raise Failure("initscan could not analyse %s (compilation failed):\n  %s"
                              % (unit.get("file", path),
                                 " ".join(shlex.quote(c) for c in cmd)))
    result = set()
    for e in entries:
        kind = str(e.get("storage", e.get("kind", ""))).lower()
        if "constructor" in kind and "function" in kind:
            continue
        emits, known = json_truthy(e, "emits_init_function", "emitsInitFunction")
        if not known:
            dyn, _ = json_truthy(e, "dynamic", "dynamic_init", "dynamicInit")
            dtor, _ = json_truthy(e, "registers_destructor", "registersDestructor")
            emits = dyn or dtor
        if emits:
            name = e.get("mangled") or e.get("mangled_name") or e.get("mangledName")
            if not name:
                raise Failure("initscan JSON entry without a mangled name: %r" % e)
            result.add(name)
    return result


class Demangler:
    def __init__(self, clangxx):
        candidates = []
        if clangxx:
            candidates.append(os.path.join(os.path.dirname(clangxx), "llvm-cxxfilt"))
        candidates += [shutil.which("llvm-cxxfilt") or "", shutil.which("c++filt") or ""]
        self.tool = next((c for c in candidates if c and os.path.exists(c)), None)
        self.cache = {}

    def __call__(self, names):
        names = [n for n in names if n not in self.cache]
        if names and self.tool:
            try:
                proc = subprocess.run([self.tool], input="\n".join(names).encode(),
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                out = proc.stdout.decode(errors="replace").splitlines()
                if len(out) == len(names):
                    self.cache.update(zip(names, out))
            except OSError:
                pass
        for n in names:
            self.cache.setdefault(n, n)
        return self.cache

    def show(self, name):
        dem = self([name])[name]
        return name if dem == name else "%s  (%s)" % (dem, name)


# ----------------------------------------------------------------------------
# Self test of the IR parser on a snippet whose answer is known
# ----------------------------------------------------------------------------

SELF_TEST_SOURCE = r"""
#include <new>
struct S { S(int); ~S(); int v; };
struct D { constexpr D() {} ~D(); };
int f();
int g(int *);
int x = 3;                      // constant
int y = x;                      // dynamic: loads @x first
int z = g(&x);                  // dynamic: passes @x first
S s(1);                         // constructor
D d;                            // destructor only
const S &r = S(2);              // reference temporary _ZGR
thread_local int t = f();       // thread_local
thread_local D td;              // thread_local destructor only
inline int iv = f();            // guarded, llvm.global_ctors key
static int internal = f();      // internal linkage
struct A { int a; int b; } agg = {1, f()};   // member store
S arr[2] = {S(1), S(2)};        // array
D darr[2];                      // array, destructor only
template <class T> struct TS { static int m; };
template <class T> int TS<T>::m = f();
int u = TS<int>::m;             // loads @TS<int>::m first
int use() { static int local = f(); return local + iv + internal; }
static int counter = 12;
static const int nono = ++counter;  // stores to counter first
struct Reg { Reg(const char *, S *); };
static union { void *align; char s[sizeof(S)]; } storage[2];
static Reg registrar("x", new (storage[1].s) S(3));  // constructs in storage first
struct Empty {};
struct FlagReg { FlagReg(int *); operator Empty() const; };
int flag_value = 1;
Empty noflag = FlagReg(&flag_value);  // names flag_value, stores nothing
"""
SELF_TEST_EXPECTED = {"y", "z", "s", "d", "r", "_ZGR1r_", "t", "td", "iv",
                      "_ZL8internal", "agg", "arr", "darr", "_ZN2TSIiE1mE", "u",
                      "_ZL4nono", "_ZL9registrar", "noflag"}


def self_test(clangxx):
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "selftest.cpp")
        with open(src, "w") as f:
            f.write(SELF_TEST_SOURCE)
        got = set(clang_dynamic_globals(clangxx, src, ["-std=c++17"]))
    # `const S &r = S(2)`: the init function constructs the temporary and stores
    # its address in r: the variable is r (the temporary is excluded).
    expected = SELF_TEST_EXPECTED - {"_ZGR1r_"}
    if got != expected:
        print("self-test FAILED\n  missing: %s\n  extra:   %s"
              % (sorted(expected - got), sorted(got - expected)))
        return 1
    print("self-test passed: %d dynamic globals" % len(got))
    return 0


# ----------------------------------------------------------------------------

def parse_args(argv):
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--initscan", help="the initscan CLI")
    p.add_argument("--clangxx", help="clang++ (default: clang++ on PATH)")
    p.add_argument("--std", action="append", default=None,
                   help="a standard to test (repeatable; default c++17 and c++20)")
    p.add_argument("--initscan-arg", action="append", default=None,
                   help="argument for initscan, before the file (repeatable; default "
                        "--system-headers: clang's set includes globals of system "
                        "headers such as libstdc++'s std::__ioinit)")
    p.add_argument("--clang-only", action="store_true",
                   help="run only the clang half and print its sets")
    p.add_argument("--self-test", action="store_true",
                   help="check the IR parser on a built-in snippet")
    p.add_argument("-j", "--jobs", type=int, default=min(4, os.cpu_count() or 1),
                   help="files analysed at once (default: CPUs, at most 4)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="print both sets of every file")
    p.add_argument("files", nargs="*")
    args = p.parse_args(argv)
    args.flags = extra
    if args.initscan_arg is None:
        args.initscan_arg = ["--system-headers"]
    if not args.clangxx:
        args.clangxx = shutil.which("clang++")
    if not args.clangxx:
        p.error("no clang++: pass --clangxx")
    if not args.std:
        args.std = ["c++17", "c++20"]
    args.std = [s if s.startswith("-std=") else "-std=" + s for s in args.std]
    if not args.self_test and not args.files:
        p.error("no input files")
    if not args.self_test and not args.clang_only and not args.initscan:
        p.error("--initscan is required (or use --clang-only)")
    return args


def std_number(flag):
    """-std=c++20 -> 20 (c++2b and gnu++ spellings count as their year)."""
    m = re.search(r"\+\+(\d\d|2[a-z])", flag)
    if not m:
        return 0
    v = m.group(1)
    return int(v) if v.isdigit() else 23


def minimum_std(path):
    """The standard a test input asks for in its own RUN lines
    (`-std c++20`), so it is not compiled under an older one."""
    try:
        with open(path, errors="replace") as f:
            head = f.read(4096)
    except OSError:
        return 0
    found = [std_number(m.group(1)) for m in
             re.finditer(r"RUN:.*?-std[ =](\S+)", head)]
    return min(found) if found else 0


def run_job(args, path, std):
    """Both halves for one file and standard: (clang dict, initscan set or
    None, error text or None)."""
    flags = [std] + args.flags
    try:
        clang = clang_dynamic_globals(args.clangxx, path, flags)
        if args.clang_only:
            return clang, None, None
        mine = initscan_dynamic_globals(args.initscan, path, flags, args.initscan_arg)
        return clang, mine, None
    except Failure as e:
        return None, None, str(e)


def main(argv):
    args = parse_args(argv)
    if args.self_test:
        return self_test(args.clangxx)

    demangle = Demangler(args.clangxx)
    files = sorted(set(args.files))
    jobs = [(path, std) for path in files for std in args.std
            if std_number(std) >= minimum_std(path)]
    # Each job runs clang and initscan one after the other; a few jobs at a
    # time keep the machine busy without flooding it.
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda j: run_job(args, *j), jobs))

    total_dynamic = 0
    differences = 0
    errors = 0
    for (path, std), (clang, mine, error) in zip(jobs, results):
        label = "%s %s" % (os.path.basename(path), std)
        if error:
            print("error: %s" % error)
            errors += 1
            continue
        total_dynamic += len(clang)
        if args.clang_only:
            print("%s: %d dynamic globals" % (label, len(clang)))
            demangle(list(clang))
            for name in sorted(clang, key=lambda n: demangle.show(n)):
                print("  %-60s %s" % (demangle.show(name), clang[name]))
            continue
        expected = set(clang)
        missing = sorted(expected - mine)
        extra = sorted(mine - expected)
        demangle(list(expected | mine))
        if args.verbose:
            print("%s: clang %d, initscan %d" % (label, len(expected), len(mine)))
            for name in sorted(expected | mine, key=lambda n: demangle.show(n)):
                mark = "=" if name in expected and name in mine else \
                    ("-" if name in expected else "+")
                print("  %s %s" % (mark, demangle.show(name)))
        if missing or extra:
            differences += len(missing) + len(extra)
            print("%s: DIFFERENCE" % label)
            for name in missing:
                print("  clang emits an initializer, initscan does not report it: %s"
                      % demangle.show(name))
            for name in extra:
                print("  initscan reports it, clang emits no initializer:          %s"
                      % demangle.show(name))

    if args.clang_only:
        print("differential (clang only): %d files, %d runs, %d dynamic globals, %d errors"
              % (len(files), len(jobs), total_dynamic, errors))
        return 1 if errors else 0
    print("differential: %d files, %d dynamic globals, %d differences%s"
          % (len(files), total_dynamic, differences,
             (", %d errors" % errors) if errors else ""))
    return 1 if differences or errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
