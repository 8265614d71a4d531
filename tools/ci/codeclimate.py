#!/usr/bin/env python3
"""codeclimate.py [--root DIR] REPORT.json: the findings of an initscan
--format=json report as a GitLab code-quality report (Code Climate JSON: an
array of {description, check_name, fingerprint, severity, location}).

Paths are made relative to DIR (default: the working directory), as GitLab
wants them relative to the repository. The fingerprint is that of the
finding's check, symbol and file, not its line, so a finding keeps its
identity when code above it moves (as --baseline matches findings). A header
finding reported from several translation units appears once.
"""
import argparse
import hashlib
import json
import os
import sys

# Severity from the estimated instructions of the initializer.
SEVERITIES = ((1000000, "critical"), (10000, "major"), (0, "minor"))


def severity(instructions):
    return next(name for floor, name in SEVERITIES if instructions >= floor)


def relative(path, root):
    rel = os.path.relpath(path, root) if os.path.isabs(path) else path
    return path if rel.startswith("..") else rel


def convert(report, root):
    issues, seen = [], set()
    for finding in report["findings"]:
        path = relative(finding["file"], root)
        key = "\0".join((finding["check"], finding["symbol"], path))
        fingerprint = hashlib.sha256(key.encode()).hexdigest()[:32]
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        issues.append({
            "type": "issue",
            "description": finding["message"],
            "check_name": finding["check"],
            "categories": ["Performance"],
            "fingerprint": fingerprint,
            "severity": severity(finding["cost"]["instructions"]),
            "location": {"path": path,
                         "lines": {"begin": max(1, finding["line"])}},
        })
    return issues


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=os.getcwd())
    parser.add_argument("report")
    args = parser.parse_args()
    try:
        with open(args.report) as f:
            report = json.load(f)
        if report.get("tool") != "initscan":
            raise ValueError("not an initscan report")
        issues = convert(report, os.path.abspath(args.root))
    except (OSError, ValueError, KeyError, TypeError) as error:
        sys.stderr.write("codeclimate.py: error: %s: %s\n" % (args.report, error))
        return 2
    json.dump(issues, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
