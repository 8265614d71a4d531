"""hook_sandbox.py: throw-away git repositories for the hook tests.

    hook_sandbox.py --work DIR --source-root ROOT --initscan BIN --clangxx CXX \
        (pre-commit | git-hook)

Builds a small C++ project in DIR/project (compile database written by hand),
installs the initscan hook in it the way a user would (the pre-commit
framework with a .pre-commit-config.yaml that names a copy of this
repository's .pre-commit-hooks.yaml by path and commit, or the plain git hook
copied into .git/hooks), then makes the commits of one scenario. For each it
prints "=== <name>", the hook's output and "committed: yes|no", for FileCheck.
No network: the hook repository is a local git repository.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

EXPENSIVE = """#include <map>
#include <string>

std::map<std::string, int> gTable = {{"alpha", 1}, {"beta", 2}, {"gamma", 3}};
"""
SECOND = """
std::map<std::string, int> gSecond = {{"delta", 4}, {"epsilon", 5}};
"""
HEADER = """#pragma once
#include <string>

const std::string kBanner = "a banner longer than the small buffer";
"""


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--work", required=True)
    p.add_argument("--source-root", required=True)
    p.add_argument("--initscan", required=True)
    p.add_argument("--clangxx", required=True)
    p.add_argument("mode", choices=["pre-commit", "git-hook"])
    args = p.parse_args()
    args.initscan = os.path.abspath(args.initscan)
    args.source_root = os.path.abspath(args.source_root)
    return args


class Sandbox:
    def __init__(self, args):
        self.args = args
        shutil.rmtree(args.work, ignore_errors=True)
        os.makedirs(args.work)
        self.work = os.path.realpath(args.work)
        self.project = os.path.join(self.work, "project")
        home = os.path.join(self.work, "home")
        os.makedirs(home)
        # No user or system git configuration; pre-commit's cache in the sandbox.
        self.env = dict(os.environ, HOME=home, GIT_CONFIG_NOSYSTEM="1",
                        GIT_CONFIG_GLOBAL=os.devnull,
                        PRE_COMMIT_HOME=os.path.join(self.work, "cache"),
                        TERM="dumb", NO_COLOR="1")
        self.env.pop("GIT_DIR", None)
        self.env.pop("GIT_WORK_TREE", None)

    def run(self, *cmd, cwd=None, check=True):
        proc = subprocess.run(cmd, cwd=cwd or self.project, env=self.env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
        if check and proc.returncode != 0:
            sys.stdout.write(proc.stdout)
            raise SystemExit("command failed (%d): %s" % (proc.returncode, cmd))
        return proc

    def git_init(self, path):
        os.makedirs(path, exist_ok=True)
        self.run("git", "init", "-q", "-b", "main", cwd=path)
        for key, value in (("user.name", "Hook Test"),
                           ("user.email", "hook@test.invalid"),
                           ("commit.gpgsign", "false")):
            self.run("git", "config", key, value, cwd=path)

    def write(self, name, text):
        path = os.path.join(self.project, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def head(self):
        return self.run("git", "rev-parse", "HEAD", check=False).stdout.strip()

    def commit(self, name, *files):
        """Stages FILES and commits; prints the hook's output."""
        self.run("git", "add", *files)
        before = self.head()
        proc = self.run("git", "commit", "-q", "-m", name, check=False)
        committed = self.head() != before
        if proc.returncode == 0 and not committed:
            raise SystemExit("git commit succeeded without committing")
        print("=== " + name)
        sys.stdout.write(proc.stdout)
        print("committed: " + ("yes" if committed else "no"))
        if not committed:  # Leave the index as it was for the next scenario.
            self.run("git", "reset", "-q")

    def make_project(self):
        self.git_init(self.project)
        self.write("main.cpp", "int main() { return 0; }\n")
        self.write(".gitignore", "build/\n")
        sources = ["main.cpp", "registry.cpp", "banner.cpp"]
        database = [{"directory": self.project,
                     "file": os.path.join(self.project, f),
                     "arguments": [self.args.clangxx, "-std=c++17", "-c", f]}
                    for f in sources]
        self.write("build/compile_commands.json", json.dumps(database, indent=1))

    def baseline(self, *files):
        """Today's findings of FILES as the project's baseline."""
        self.run(self.args.initscan, "-p", "build", "--format=json",
                 "-o", "initscan-baseline.json", *files)


def pre_commit(box):
    # The hook repository: a copy of this repository's hook files, committed.
    hooks = os.path.join(box.work, "initscan-hooks")
    box.git_init(hooks)
    root = box.args.source_root
    for name in (".pre-commit-hooks.yaml", "tools/git-hooks/pre-commit"):
        os.makedirs(os.path.dirname(os.path.join(hooks, name)), exist_ok=True)
        shutil.copy2(os.path.join(root, name), os.path.join(hooks, name))
    box.run("git", "add", ".", cwd=hooks)
    box.run("git", "commit", "-q", "-m", "hooks", cwd=hooks)
    rev = box.run("git", "rev-parse", "HEAD", cwd=hooks).stdout.strip()

    box.make_project()
    box.write(".pre-commit-config.yaml", """repos:
  - repo: %s
    rev: %s
    hooks:
      - id: initscan
        args: [-p, build, --baseline=initscan-baseline.json, --initscan=%s]
""" % (hooks, rev, box.args.initscan))
    box.write("initscan-baseline.json", '{"version": 1, "tool": "initscan", "findings": []}\n')
    box.run("pre-commit", "install")
    box.commit("clean", ".gitignore", ".pre-commit-config.yaml",
               "initscan-baseline.json", "main.cpp")
    box.write("README.md", "A project.\n")
    box.commit("no C++", "README.md")
    box.write("registry.cpp", EXPENSIVE)
    box.commit("expensive global", "registry.cpp")
    box.baseline("registry.cpp")
    box.commit("expensive global in the baseline", "registry.cpp",
               "initscan-baseline.json")
    box.write("registry.cpp", EXPENSIVE + SECOND)
    box.commit("another expensive global", "registry.cpp")


def git_hook(box):
    box.make_project()
    hook = os.path.join(box.project, ".git", "hooks", "pre-commit")
    shutil.copy2(os.path.join(box.args.source_root, "tools/git-hooks/pre-commit"), hook)
    # initscan found on PATH.
    box.env["PATH"] = os.pathsep.join(
        [os.path.dirname(box.args.initscan), box.env["PATH"]])
    box.commit("clean", ".gitignore", "main.cpp")
    box.write("README.md", "A project.\n")
    box.commit("no C++", "README.md")
    box.write("registry.cpp", EXPENSIVE)
    box.commit("expensive global", "registry.cpp")
    box.write("banner.h", HEADER)
    box.commit("expensive global in a header", "banner.h")
    box.baseline("registry.cpp")
    box.run("git", "config", "initscan.baseline", "initscan-baseline.json")
    box.commit("expensive global in the baseline", "registry.cpp",
               "initscan-baseline.json")
    # Configuration errors stop the commit with exit status 2.
    box.run("git", "config", "initscan.buildDir", "no-such-build")
    box.write("main.cpp", "int main() { return 1; }\n")
    box.commit("no compile database", "main.cpp")
    box.run("git", "config", "--unset", "initscan.buildDir")
    box.run("git", "config", "initscan.path", "/nonexistent/initscan")
    box.commit("no initscan", "main.cpp")


def main():
    args = parse_args()
    box = Sandbox(args)
    (pre_commit if args.mode == "pre-commit" else git_hook)(box)


if __name__ == "__main__":
    main()
