"""The real-world corpus: which Debian source packages, how each is built.

Shared by bench/realworld/realworld.py (analysis + differential oracle) and
bench/verify-fixes/verify_fixes.py (apply --fix, rebuild, run the tests).

Sources come from `apt-get source` of the configured Debian suite and are
cached under ${INITSCAN_CORPUS_DIR:-~/.cache/initscan-corpus}, never in the
repository.
"""

import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

SUITE = os.environ.get("INITSCAN_CORPUS_SUITE", "bookworm")
CORPUS_DIR = os.environ.get("INITSCAN_CORPUS_DIR",
                            os.path.join(os.path.expanduser("~"), ".cache", "initscan-corpus"))
CC = os.environ.get("INITSCAN_CORPUS_CC", "clang-19")
CXX = os.environ.get("INITSCAN_CORPUS_CXX", "clang++-19")


class Project:
    """One corpus project.

    source:   Debian source package name.
    cmake:    CMake cache arguments (a CMake project), or None.
    bear:     shell command run under `bear` in the source tree (other build
              systems), or None.
    compdb:   shell command run in the source tree that builds and writes
              compile_commands.json itself (a build system that can), or None.
    build_for_scan: build everything before the scan (only when generated
              sources appear at build time, not configure time).
    test:     shell command run in the build directory that runs the
              project's own (quick) test suite, or None.
    packages: Debian packages the build needs (installed when missing).
    style:    a few words on what kind of C++ it is (for the table).
    """

    def __init__(self, name, source, style, cmake=None, bear=None, compdb=None,
                 test=None, packages=(), build_for_scan=False):
        self.name, self.source, self.style = name, source, style
        self.cmake, self.bear, self.compdb, self.test = cmake, bear, compdb, test
        self.packages, self.build_for_scan = list(packages), build_for_scan


CTEST = "ctest --output-on-failure -j2 --timeout 300"

PROJECTS = [
    Project("tinyxml2", "tinyxml2", "small DOM library, C-like C++",
            cmake=["-Dtinyxml2_BUILD_TESTING=ON"], test=CTEST),
    Project("double-conversion", "double-conversion", "numeric library, static tables",
            cmake=["-DBUILD_TESTING=ON"], test=CTEST),
    Project("fmtlib", "fmtlib", "templates, constexpr-heavy",
            cmake=["-DFMT_TEST=OFF", "-DFMT_DOC=OFF"]),
    Project("spdlog", "spdlog", "header-only logging, registry singleton",
            cmake=["-DSPDLOG_FMT_EXTERNAL=ON", "-DSPDLOG_BUILD_EXAMPLE=ON",
                   "-DSPDLOG_BUILD_TESTS=OFF"], packages=["libfmt-dev"]),
    Project("snappy", "snappy", "compression, Google style",
            cmake=["-DSNAPPY_BUILD_TESTS=OFF", "-DSNAPPY_BUILD_BENCHMARKS=OFF"]),
    Project("pugixml", "pugixml", "XML, one big TU + test framework with registrars",
            cmake=["-DPUGIXML_BUILD_TESTS=ON"], test=CTEST),
    Project("cli11", "cli11", "header-only, std::function/std::string heavy",
            cmake=["-DCLI11_BUILD_TESTS=OFF", "-DCLI11_BUILD_EXAMPLES=ON",
                   "-DCLI11_BUILD_DOCS=OFF"]),
    # bear 3.1.1 records only one of ninja's bootstrap compilations; ninja
    # writes its own database (from the build.ninja of a plain configure).
    Project("ninja-build", "ninja-build", "build tool, Python-generated build",
            compdb="python3 configure.py --bootstrap && python3 configure.py && "
                   "./ninja -t compdb cxx > compile_commands.json",
            test="./ninja ninja_test >/dev/null && ./ninja_test"),
    Project("benchmark", "benchmark", "BENCHMARK() registrars in every test",
            # Debian's patch reads the version from GIT_VERSION (a source
            # package has no git tags); unset, set_target_properties fails.
            # "0.0.0" means "the version of project()".
            cmake=["-DGIT_VERSION=0.0.0",
                   "-DBENCHMARK_ENABLE_TESTING=ON", "-DBENCHMARK_ENABLE_GTEST_TESTS=OFF",
                   "-DBENCHMARK_ENABLE_WERROR=OFF", "-DBENCHMARK_USE_BUNDLED_GTEST=OFF"]),
    Project("gflags", "gflags", "DEFINE_* flag registrars",
            cmake=["-DBUILD_TESTING=ON", "-DBUILD_SHARED_LIBS=ON"], test=CTEST),
    Project("jsoncpp", "libjsoncpp", "JSON DOM, std::string statics",
            cmake=["-DJSONCPP_WITH_TESTS=ON", "-DJSONCPP_WITH_POST_BUILD_UNITTEST=OFF",
                   "-DJSONCPP_WITH_PKGCONFIG_SUPPORT=OFF"], test=CTEST),
    Project("yaml-cpp", "yaml-cpp", "parser, regex-like static tables",
            cmake=["-DYAML_CPP_BUILD_TESTS=OFF", "-DYAML_CPP_BUILD_TOOLS=ON"]),
    Project("leveldb", "leveldb", "database, Google style, env singletons",
            cmake=["-DLEVELDB_BUILD_TESTS=OFF", "-DLEVELDB_BUILD_BENCHMARKS=OFF"]),
    # The large one (bench/cache.sh's real project): ~150 TUs with tests off.
    Project("abseil", "abseil", "large Google library, flags/registrars",
            cmake=["-DABSL_BUILD_TESTING=OFF", "-DBUILD_TESTING=OFF",
                   "-DCMAKE_CXX_STANDARD=17", "-DABSL_PROPAGATE_CXX_STD=ON"]),
]

# The slice CI runs (small projects, quick test suites).
CI_SLICE = ["tinyxml2", "double-conversion"]


def select(names):
    """The projects named in the comma-separated list `names` (all if empty)."""
    if not names:
        return list(PROJECTS)
    by_name = {p.name: p for p in PROJECTS}
    chosen = []
    for n in names.split(","):
        if n not in by_name:
            sys.exit("initscan: error: unknown corpus project '%s' (known: %s)"
                     % (n, ", ".join(by_name)))
        chosen.append(by_name[n])
    return chosen


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sh(cmd, cwd=None, env=None, quiet=True):
    """Runs a shell command; returns (ok, last lines of its output)."""
    proc = subprocess.run(cmd, shell=isinstance(cmd, str), cwd=cwd, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    text = proc.stdout.decode(errors="replace")
    if proc.returncode != 0 and not quiet:
        log(text[-3000:])
    return proc.returncode == 0, text


def root_prefix():
    return [] if os.geteuid() == 0 else ["sudo"]


def debian_mirror():
    """The Debian archive URI the machine's apt already uses for SUITE."""
    for path in glob.glob("/etc/apt/sources.list.d/*.sources"):
        for stanza in open(path).read().split("\n\n"):
            fields = dict(re.findall(r"^([A-Za-z-]+):\s*(.*)$", stanza, re.M))
            if SUITE in fields.get("Suites", "").split() and \
                    "deb" in fields.get("Types", "").split():
                return fields.get("URIs", "").split()[0], fields.get("Signed-By")
    for path in ["/etc/apt/sources.list"] + glob.glob("/etc/apt/sources.list.d/*.list"):
        if os.path.exists(path):
            for line in open(path):
                m = re.match(r"^deb\s+(?:\[[^]]*\]\s+)?(\S+)\s+%s\s" % re.escape(SUITE), line)
                if m:
                    return m.group(1), None
    return "http://deb.debian.org/debian", None


def ensure_deb_src():
    """Adds a deb-src entry for SUITE (mirroring the deb entry) when apt has
    none, so that `apt-get source` works."""
    ok, out = sh(["apt-cache", "showsrc", "tinyxml2"])
    if ok and "Package:" in out:
        return
    uri, signed_by = debian_mirror()
    text = "Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\n" % (uri, SUITE)
    if signed_by:
        text += "Signed-By: %s\n" % signed_by
    path = "/etc/apt/sources.list.d/initscan-src.sources"
    log("realworld: adding %s (deb-src %s %s main)" % (path, uri, SUITE))
    subprocess.run(root_prefix() + ["tee", path], input=text.encode(),
                   stdout=subprocess.DEVNULL, check=True)
    subprocess.run(root_prefix() + ["apt-get", "-o", "DPkg::Lock::Timeout=900", "update", "-qq"],
                   check=True)


def ensure_packages(packages):
    missing = [p for p in packages
               if "install ok installed" not in sh(["dpkg-query", "-W", "-f=${Status}", p])[1]]
    if missing:
        log("realworld: installing %s" % " ".join(missing))
        subprocess.run(root_prefix() + ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get",
                                        "-o", "DPkg::Lock::Timeout=900", "install", "-y", "-qq",
                                        "--no-install-recommends"] + missing,
                       stdout=subprocess.DEVNULL, check=True)


def source_dir(project):
    """Fetches (once) and returns the unpacked source tree of `project`."""
    src_root = os.path.join(CORPUS_DIR, "src")
    pattern = os.path.join(src_root, "%s-[0-9]*" % project.source)
    found = [d for d in glob.glob(pattern) if os.path.isdir(d)]
    if not found:
        ensure_deb_src()
        os.makedirs(src_root, exist_ok=True)
        log("realworld: apt-get source %s" % project.source)
        ok, out = sh(["apt-get", "-o", "APT::Sandbox::User=root", "source", project.source]
                     if os.geteuid() == 0 else ["apt-get", "source", project.source],
                     cwd=src_root)
        found = [d for d in glob.glob(pattern) if os.path.isdir(d)]
        if not ok or not found:
            raise RuntimeError("apt-get source %s failed:\n%s" % (project.source, out[-2000:]))
    return sorted(found)[-1]


def configure(project, src, build, full_build=False):
    """Configures (and, when needed, builds) `src` into `build` so that
    `build/compile_commands.json` exists. Raises RuntimeError on failure."""
    ensure_packages(project.packages + (["bear"] if project.bear else []))
    env = dict(os.environ, CC=CC, CXX=CXX)
    db = os.path.join(build, "compile_commands.json")
    if project.cmake is not None:
        if not os.path.exists(db):
            os.makedirs(build, exist_ok=True)
            ok, out = sh(["cmake", "-S", src, "-B", build, "-G", "Ninja",
                          "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                          "-DCMAKE_C_COMPILER=" + CC, "-DCMAKE_CXX_COMPILER=" + CXX]
                         + project.cmake, env=env)
            if not ok:
                raise RuntimeError("cmake configure failed:\n" + out[-3000:])
        if full_build or project.build_for_scan:
            ok, out = sh(["ninja", "-C", build, "-j2"], env=env)
            if not ok:
                raise RuntimeError("build failed:\n" + out[-3000:])
    else:
        # Other build systems build in the source tree under bear; `build`
        # is the source tree itself.
        if not os.path.exists(db):
            command = project.compdb or "bear --output %s -- sh -c %s" % (
                shlex.quote(db), shlex.quote(project.bear))
            ok, out = sh(command, cwd=build, env=env)
            if not ok or not os.path.exists(db):
                raise RuntimeError("build failed:\n" + out[-3000:])
    return db


def build_dir(project, src):
    """Where `project` is configured: a directory next to the sources for
    CMake, the source tree itself for in-tree (bear) builds."""
    if project.cmake is None:
        return src
    return os.path.join(CORPUS_DIR, "build", os.path.basename(src))


CXX_SUFFIXES = (".cc", ".cpp", ".cxx", ".c++", ".C")


def translation_units(db):
    """[(directory, file, flags)] of the C++ TUs of a compilation database;
    flags without the compiler, the input, the output, dependency-file
    options and optimisation levels (the oracle needs -O0 IR and all tools
    must see the same flags)."""
    units, seen = [], set()
    for entry in json.load(open(db)):
        args = entry.get("arguments") or shlex.split(entry["command"])
        directory = entry["directory"]
        path = os.path.normpath(os.path.join(directory, entry["file"]))
        if not path.endswith(CXX_SUFFIXES) or path in seen:
            continue
        seen.add(path)
        flags, skip = [], False
        for a in args[1:]:
            if skip:
                skip = False
                continue
            if a in ("-o", "-MF", "-MT", "-MQ"):
                skip = True
                continue
            if a in ("-c", "-MD", "-MMD") or re.match(r"^-O([0-9sgz]|fast)?$", a):
                continue
            if os.path.normpath(os.path.join(directory, a)) == path:
                continue
            flags.append(a)
        units.append((directory, path, flags))
    return units
