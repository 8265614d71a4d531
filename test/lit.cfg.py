# -*- Python -*-
# lit configuration of the initscan tests. The build's lit.site.cfg.py sets
# the paths (config.initscan_cli, config.llvm_bindir, ...) and loads this file.

import os
import shlex

import lit.formats

config.name = "initscan"
# lit's internal shell: portable, and it echoes every command of a failing test.
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
# Inputs/ hold files that RUN lines use; unit/ is gtest, run by ctest directly;
# tools/ are the helper scripts.
config.excludes = ["Inputs", "unit", "tools", "CMakeLists.txt", "lit.cfg.py",
                   "lit.site.cfg.py", "lit.site.cfg.py.in", "README.md"]

if not hasattr(config, "initscan_test_src_root"):
    lit_config.fatal("run lit on the build's test directory (<build>/test), "
                     "which holds the generated lit.site.cfg.py")

config.test_source_root = config.initscan_test_src_root
config.test_exec_root = config.initscan_test_obj_root

# FileCheck, not, count, split-file... come from the LLVM the tool is built with.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bindir, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Keep tools' output stable: no colours, no user clang-tidy config lookups
# outside the test tree (check_clang_tidy.py passes --config={} anyway).
for var in ("CLANG_TIDY_CONFIG", "CPATH", "CPLUS_INCLUDE_PATH", "C_INCLUDE_PATH"):
    config.environment.pop(var, None)
config.environment["TERM"] = "dumb"


def tool(name):
    return os.path.join(config.llvm_bindir, name)


def q(path):
    return shlex.quote(path)


python = config.python_executable
clangxx = tool("clang++")
clang_tidy = tool("clang-tidy")
tools_dir = os.path.join(config.initscan_test_src_root, "tools")

check_clang_tidy = "%s %s --clang-tidy %s --module %s --clangxx %s" % (
    q(python), q(os.path.join(tools_dir, "check_clang_tidy.py")),
    q(clang_tidy), q(config.initscan_module), q(clangxx))
differential = "%s %s --initscan %s --clangxx %s" % (
    q(python), q(os.path.join(tools_dir, "differential.py")),
    q(config.initscan_cli), q(clangxx))

# Longest names first: lit substitutes in list order, and %clang_tidy must not
# eat the start of %check_clang_tidy (it cannot, but keep the rule anyway).
config.substitutions.append(("%check_clang_tidy", check_clang_tidy))
config.substitutions.append(("%differential", differential))
config.substitutions.append(("%tidy_module", q(config.initscan_module)))
config.substitutions.append(("%clang_tidy", q(clang_tidy)))
config.substitutions.append(("%initscan_tidy", q(os.path.join(config.initscan_obj_root, "bin", "initscan-tidy"))))
config.substitutions.append(("%initscan_build_dir", q(config.initscan_obj_root)))
config.substitutions.append(("%initscan", q(config.initscan_cli)))
config.substitutions.append(("%clangxx", q(clangxx)))
config.substitutions.append(("%python", q(python)))

# Features.
# libc++ of the configured LLVM (Debian's libc++-N-dev packages conflict with
# each other, so only one major has it at a time).
libcxx_dir = os.path.join(config.llvm_prefix, "include", "c++", "v1")
if os.path.isdir(libcxx_dir):
    config.available_features.add("libcxx")
# The oracles' option to also run against libc++ (lit before 15 has no
# `%if libcxx %{...%}`).
config.substitutions.append(
    ("%libcxx_oracle_flag", "--libcxx" if os.path.isdir(libcxx_dir) else ""))
if os.path.exists(config.initscan_cli):
    config.available_features.add("initscan-cli")
if os.path.exists(config.initscan_module):
    config.available_features.add("initscan-module")
config.available_features.add("llvm-%s" % config.llvm_major)
# chmod 000 does not keep root from reading a file (CI runs as root).
if hasattr(os, "getuid") and os.getuid() != 0:
    config.available_features.add("non-root")
