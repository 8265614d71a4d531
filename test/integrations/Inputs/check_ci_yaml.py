"""check_ci_yaml.py ROOT: the CI and hook definitions parse and hang together.

- action.yml: a composite action whose inputs are all used, whose run steps
  have a shell and are valid bash, that calls scripts which exist, passes only
  variables tools/ci/initscan-ci.sh reads, and uploads its SARIF;
- ci/gitlab/initscan.gitlab-ci.yml: a hidden .initscan job and an `initscan`
  job extending it, valid bash, every variable used (by the job or the
  script), codeclimate format published as the code-quality report;
- .pre-commit-hooks.yaml: the initscan hook, its entry an executable script;
- every ```yaml block of docs/ci.md parses.
Prints one "ok: ..." line per file; raises on the first problem.
"""
import os
import re
import subprocess
import sys

import yaml

root = os.path.abspath(sys.argv[1])


def load(path):
    with open(os.path.join(root, path)) as f:
        return yaml.safe_load(f)


def check_bash(script, what):
    proc = subprocess.run(["bash", "-n"], input=script, text=True,
                          stderr=subprocess.PIPE)
    assert proc.returncode == 0, "%s: not valid bash: %s" % (what, proc.stderr)


with open(os.path.join(root, "tools/ci/initscan-ci.sh")) as f:
    script_vars = set(re.findall(r"\bINITSCAN(?:_[A-Z_]+)?\b", f.read()))


def check_env(env, what):
    for name in env:
        if name.startswith("INITSCAN"):
            assert name in script_vars, "%s: %s is not read by initscan-ci.sh" % (what, name)


# --- GitHub Action -----------------------------------------------------------
action = load("action.yml")
for key in ("name", "description", "inputs", "outputs", "runs"):
    assert key in action, "action.yml lacks %s" % key
runs = action["runs"]
assert runs["using"] == "composite", runs["using"]
steps = runs["steps"]
ids = {s["id"] for s in steps if "id" in s}
text = yaml.safe_dump(steps)
for name, spec in action["inputs"].items():
    assert "description" in spec, "input %s has no description" % name
    assert re.search(r"inputs\.%s(?![\w-])" % re.escape(name), text), \
        "input %s is never used" % name
for name, spec in action["outputs"].items():
    step = re.fullmatch(r"\$\{\{ steps\.([\w-]+)\.outputs\.[\w-]+ \}\}", spec["value"])
    assert step and step.group(1) in ids, "output %s: %s" % (name, spec["value"])
scripts = set()
for step in steps:
    assert "name" in step, step
    if "run" in step:
        assert step.get("shell") == "bash", "step %s: shell" % step["name"]
        check_bash(step["run"], "action step " + step["name"])
        scripts.update(re.findall(r"\$GITHUB_ACTION_PATH/([\w/.-]+)", step["run"]))
    else:
        assert "uses" in step, step
    if "initscan-ci.sh" in step.get("run", ""):
        check_env(step.get("env", {}), "action step " + step["name"])
assert scripts == {"scripts/setup.sh", "tools/ci/initscan-ci.sh"}, scripts
for path in scripts:
    assert os.path.isfile(os.path.join(root, path)), path
scan = next(s for s in steps if s.get("id") == "scan")
assert scan["env"]["INITSCAN_FORMAT"] == "sarif"
upload = next(s for s in steps if "uses" in s)
assert upload["uses"].startswith("github/codeql-action/upload-sarif@"), upload
assert upload["with"]["sarif_file"] == "${{ steps.scan.outputs.sarif }}"
assert "always()" in upload["if"]
assert steps[-1]["run"].startswith("exit"), "the verdict comes last"
print("ok: action.yml, %d inputs, %d steps" % (len(action["inputs"]), len(steps)))

# --- GitLab template ---------------------------------------------------------
gitlab = load("ci/gitlab/initscan.gitlab-ci.yml")
job = gitlab[".initscan"]
assert gitlab["initscan"]["extends"] == ".initscan"
variables = job["variables"]
job_shell = "\n".join(job["before_script"] + job["script"])
check_env([v for v in variables if "$" + v not in job_shell], "gitlab variables")
assert variables["INITSCAN_FORMAT"] == "codeclimate"
out = "$INITSCAN_OUTPUT_DIR"
assert job["artifacts"]["reports"]["codequality"] == out + "/gl-code-quality-report.json"
assert job["artifacts"]["when"] == "always"
for key in ("before_script", "script", "after_script"):
    check_bash("\n".join(job[key]), "gitlab " + key)
assert any("tools/ci/initscan-ci.sh" in line for line in job["script"])
assert any("scripts/setup.sh" in line for line in job["before_script"])
print("ok: ci/gitlab/initscan.gitlab-ci.yml, %d variables" % len(variables))

# --- pre-commit --------------------------------------------------------------
hooks = load(".pre-commit-hooks.yaml")
hook = next(h for h in hooks if h["id"] == "initscan")
assert hook["language"] in ("script", "system"), hook["language"]
entry = os.path.join(root, hook["entry"])
assert os.path.isfile(entry) and os.access(entry, os.X_OK), entry
assert set(hook["types_or"]) == {"c", "c++"}, hook
print("ok: .pre-commit-hooks.yaml, entry %s" % hook["entry"])

# --- docs --------------------------------------------------------------------
with open(os.path.join(root, "docs/ci.md")) as f:
    blocks = re.findall(r"```yaml\n(.*?)```", f.read(), re.S)
for block in blocks:
    yaml.safe_load(block)
assert blocks, "docs/ci.md has no yaml examples"
print("ok: docs/ci.md, %d yaml blocks" % len(blocks))
