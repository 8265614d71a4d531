"""ci_sandbox.py --work DIR --source-root ROOT --initscan BIN --clangxx CXX

Runs tools/ci/initscan-ci.sh (the step both CI templates call) the way a
merge-request pipeline would, on a git repository of examples/service: the
target branch `main` with a committed baseline, and a branch `feature` that
adds an expensive global. Prints, for FileCheck, each scenario's exit status,
the summary and the reports, and asserts what FileCheck cannot (the working
tree and branch are restored, the reports parse).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

NEW_GLOBAL = '\nstd::map<std::string, int> gNewTable = {{"a", 1}, {"b", 2}};\n'


def main():
    p = argparse.ArgumentParser()
    for opt in ("--work", "--source-root", "--initscan", "--clangxx"):
        p.add_argument(opt, required=True)
    args = p.parse_args()
    root = os.path.abspath(args.source_root)
    initscan = os.path.abspath(args.initscan)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    work = os.path.realpath(args.work)
    repo = os.path.join(work, "service")
    shutil.copytree(os.path.join(root, "examples", "service"), repo)
    script = os.path.join(root, "tools", "ci", "initscan-ci.sh")
    env = dict(os.environ, HOME=work, GIT_CONFIG_NOSYSTEM="1",
               GIT_CONFIG_GLOBAL=os.devnull, GIT_AUTHOR_NAME="CI",
               GIT_AUTHOR_EMAIL="ci@test.invalid", GIT_COMMITTER_NAME="CI",
               GIT_COMMITTER_EMAIL="ci@test.invalid")
    for var in ("GITHUB_STEP_SUMMARY", "GIT_DIR", "GIT_WORK_TREE"):
        env.pop(var, None)
    db_command = ("cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=%s "
                  "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null" % args.clangxx)

    def run(*cmd, check=True, extra_env=None):
        proc = subprocess.run(cmd, cwd=repo, env=dict(env, **(extra_env or {})),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
        if check and proc.returncode:
            sys.stdout.write(proc.stdout)
            raise SystemExit("failed: %s" % (cmd,))
        return proc

    def show(path):
        with open(os.path.join(repo, path)) as f:
            text = f.read()
        print("--- " + path)
        sys.stdout.write(text)
        return text

    def scenario(name, **variables):
        print("=== " + name)
        proc = run("bash", script, check=False,
                   extra_env=dict(INITSCAN=initscan, **variables))
        print("exit: %d" % proc.returncode)
        print("--- stderr")
        sys.stdout.write(proc.stdout)
        return proc.returncode

    with open(os.path.join(repo, ".gitignore"), "w") as f:
        f.write("build/\ninitscan-report/\n")
    run("git", "init", "-q", "-b", "main")
    run("bash", "-c", db_command)
    run(initscan, "-p", "build", "--format=json", "-o", "initscan-baseline.json")
    run("git", "add", ".")
    run("git", "commit", "-q", "-m", "base with its baseline")
    run("git", "checkout", "-q", "-b", "feature")
    with open(os.path.join(repo, "handlers.cpp"), "a") as f:
        f.write(NEW_GLOBAL)
    run("git", "commit", "-q", "-am", "feature: a new table")

    # GitLab-style: base from the target branch, code-quality report.
    summary = os.path.join(work, "job-summary.md")
    scenario("merge request", INITSCAN_BASE_REF="main",
             INITSCAN_BASELINE="initscan-baseline.json",
             INITSCAN_FORMAT="codeclimate", INITSCAN_DB_COMMAND=db_command,
             INITSCAN_SUMMARY=summary)
    assert run("git", "rev-parse", "--abbrev-ref", "HEAD").stdout.strip() == "feature"
    assert run("git", "status", "--porcelain").stdout == "", "tree changed"
    assert show("initscan-report/summary.md") == open(summary).read()
    issues = json.loads(show("initscan-report/gl-code-quality-report.json"))
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint",
                              "severity", "location"}, issue
    shutil.copy(os.path.join(repo, "initscan-report", "base.json"),
                os.path.join(work, "base.json"))

    # GitHub-style: a base report file, SARIF, a budget, no baseline (every
    # finding counts), the summary into $GITHUB_STEP_SUMMARY.
    step_summary = os.path.join(work, "step-summary.md")
    with open(step_summary, "w") as f:
        f.write("earlier steps\n")
    scenario("budget", INITSCAN_BASE_REPORT=os.path.join(work, "base.json"),
             INITSCAN_FORMAT="sarif", INITSCAN_BUDGET="10k",
             GITHUB_STEP_SUMMARY=step_summary)
    sarif = json.load(open(os.path.join(repo, "initscan-report", "initscan.sarif")))
    print("sarif results: %d" % len(sarif["runs"][0]["results"]))
    show(step_summary)

    # Nothing changed against the base, within the budget.
    run("git", "checkout", "-q", "main")
    scenario("no change", INITSCAN_BASE_REPORT=os.path.join(work, "base.json"),
             INITSCAN_BASELINE="initscan-baseline.json", INITSCAN_BUDGET="1G")
    show("initscan-report/summary.md")

    # Setup errors.
    scenario("bad format", INITSCAN_FORMAT="xml")
    with open(os.path.join(repo, "main.cpp"), "a") as f:
        f.write("// dirty\n")
    scenario("dirty tree", INITSCAN_BASE_REF="main")
    scenario("no database", INITSCAN_BUILD_DIR="nowhere")


if __name__ == "__main__":
    main()
