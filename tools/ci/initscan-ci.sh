#!/usr/bin/env bash
# initscan CI lint step, shared by the GitHub Action (action.yml) and the
# GitLab template (ci/gitlab/initscan.gitlab-ci.yml). Run from the root of the
# checkout. Configured by environment variables:
#
#   INITSCAN              initscan binary (default: initscan on PATH)
#   INITSCAN_BUILD_DIR    directory of compile_commands.json (default: build)
#   INITSCAN_DB_COMMAND   command that (re)creates the compile database, run
#                         before each scan, e.g. "cmake -S . -B build
#                         -DCMAKE_EXPORT_COMPILE_COMMANDS=ON" (default: none)
#   INITSCAN_BASELINE     --format=json report of accepted findings; without
#                         one every finding fails the job
#   INITSCAN_BUDGET       fail when the start-up cost exceeds it (10k, 2M, 5ms)
#   INITSCAN_BASE_REPORT  the base branch's --format=json report, to diff with
#   INITSCAN_BASE_REF     or a git ref (the merge-request target): its report
#                         is made by checking it out in this (clean) tree
#   INITSCAN_FORMAT       report written: json (default), sarif or codeclimate
#   INITSCAN_OUTPUT_DIR   where reports go (default: initscan-report)
#   INITSCAN_SUMMARY      Markdown summary appended here (default:
#                         $GITHUB_STEP_SUMMARY when set)
#   INITSCAN_ARGS         more initscan options (e.g. "--min-cost=1k -j4")
#
# Writes $INITSCAN_OUTPUT_DIR/initscan.{json,sarif} (per INITSCAN_FORMAT),
# gl-code-quality-report.json (codeclimate), base.json (when made from
# INITSCAN_BASE_REF) and summary.md. Exit status: 0 pass, 1 budget exceeded or
# findings not in the baseline, 2 setup or compile errors.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
initscan=${INITSCAN:-initscan}
build_dir=${INITSCAN_BUILD_DIR:-build}
format=${INITSCAN_FORMAT:-json}
out=${INITSCAN_OUTPUT_DIR:-initscan-report}
summary_file=${INITSCAN_SUMMARY:-${GITHUB_STEP_SUMMARY:-}}
read -r -a extra_args <<< "${INITSCAN_ARGS:-}"

die() { echo "initscan-ci: error: $*" >&2; exit 2; }
note() { echo "initscan-ci: $*" >&2; }

case $format in
  json|codeclimate) report=$out/initscan.json; format_arg=json ;;
  sarif) report=$out/initscan.sarif; format_arg=sarif ;;
  *) die "unknown INITSCAN_FORMAT '$format' (expected json, sarif or codeclimate)" ;;
esac
command -v "$initscan" >/dev/null 2>&1 ||
  die "'$initscan' not found: install initscan or set INITSCAN"
command -v python3 >/dev/null 2>&1 || die "python3 is needed"
mkdir -p "$out"

make_database() {
  if [ -n "${INITSCAN_DB_COMMAND:-}" ]; then
    bash -c "$INITSCAN_DB_COMMAND" >&2 || die "INITSCAN_DB_COMMAND failed"
  fi
  [ -f "$build_dir/compile_commands.json" ] ||
    die "no $build_dir/compile_commands.json (set INITSCAN_BUILD_DIR or INITSCAN_DB_COMMAND)"
}

# The base report, made at INITSCAN_BASE_REF in this tree: the same paths as
# the current scan, so globals match by symbol + file.
base_report=${INITSCAN_BASE_REPORT:-}
if [ -z "$base_report" ] && [ -n "${INITSCAN_BASE_REF:-}" ]; then
  git diff --quiet HEAD -- ||
    die "INITSCAN_BASE_REF needs a clean working tree (it checks the base out)"
  base_sha=$(git rev-parse -q --verify "${INITSCAN_BASE_REF}^{commit}" 2>/dev/null) || {
    git fetch -q --depth=1 origin "$INITSCAN_BASE_REF" >&2 ||
      die "cannot fetch base ref '$INITSCAN_BASE_REF'"
    base_sha=$(git rev-parse FETCH_HEAD)
  }
  head_ref=$(git symbolic-ref -q --short HEAD || git rev-parse HEAD)
  note "scanning the base $base_sha"
  git checkout -q --detach "$base_sha"
  trap 'git checkout -q "$head_ref"' EXIT
  make_database
  # Only the database's files that exist at the base (a database made at the
  # head may name files the change adds).
  mapfile -t base_files < <(python3 -c '
import json, os, sys
seen = set()
for entry in json.load(open(sys.argv[1])):
    path = os.path.join(entry.get("directory", ""), entry["file"])
    if path not in seen and os.path.isfile(path):
        seen.add(path)
        print(path)' "$build_dir/compile_commands.json")
  base_report=$out/base.json
  status=0
  "$initscan" -p "$build_dir" --format=json -o "$base_report" \
    "${extra_args[@]}" "${base_files[@]}" >/dev/null || status=$?
  if ((status == 2)); then
    note "the base does not scan cleanly (exit 2): no diff against it"
    rm -f "$base_report"
    base_report=
  fi
  git checkout -q "$head_ref"
  trap - EXIT
fi
if [ -n "$base_report" ] && [ ! -f "$base_report" ]; then
  note "no base report '$base_report': no diff"
  base_report=
fi

make_database
gates=()
[ -n "${INITSCAN_BUDGET:-}" ] && gates+=(--budget="$INITSCAN_BUDGET")
baseline=${INITSCAN_BASELINE:-}
if [ -z "$baseline" ]; then # Every finding is new.
  baseline=$out/empty-baseline.json
  printf '{"version": 1, "tool": "initscan", "findings": []}\n' > "$baseline"
fi
gates+=(--baseline="$baseline")
diff_args=()
[ -n "$base_report" ] && diff_args=(--diff="$base_report" --diff-output="$out/diff.md")

status=0
"$initscan" -p "$build_dir" --format="$format_arg" -o "$report" "${gates[@]}" \
  "${diff_args[@]}" "${extra_args[@]}" 2> "$out/stderr.txt" || status=$?
cat "$out/stderr.txt" >&2

if [ "$format" = codeclimate ] && [ -f "$report" ]; then
  python3 "$here/codeclimate.py" --root "$PWD" "$report" \
    > "$out/gl-code-quality-report.json"
fi

{
  if ((status == 0)); then
    echo "**initscan: passed.**"
  elif ((status == 1)); then
    echo "**initscan: failed.**"
  else
    echo "**initscan: could not scan (exit $status).**"
  fi
  echo
  # initscan's own verdict lines (budget, new findings, compile errors).
  verdicts=$(sed -n 's/^initscan: \(.*\)$/- \1/p' "$out/stderr.txt")
  [ -z "$verdicts" ] || printf '%s\n\n' "$verdicts"
  if [ -f "$out/diff.md" ]; then
    cat "$out/diff.md"
  else
    echo "_No base report: the start-up cost difference is not shown._"
  fi
} > "$out/summary.md"
if [ -n "$summary_file" ]; then
  cat "$out/summary.md" >> "$summary_file"
fi
exit "$status"
