"""Asserts that every JSON object in the given files has its keys in sorted
(byte) order. initscan streams its reports and summaries (json::OStream) and
writes keys in the order llvm::json::Value prints them, which the reports'
readers and these tests rely on."""
import json
import sys


def check(pairs):
    keys = [k for k, _ in pairs]
    encoded = [k.encode("utf-8") for k in keys]
    assert encoded == sorted(encoded), "keys out of order: %s" % keys
    return dict(pairs)


for path in sys.argv[1:]:
    with open(path) as f:
        json.load(f, object_pairs_hook=check)
print("sorted keys ok")
