"""Asserts the structure of an initscan JSON report (schema version 1)."""
import json
import os
import sys

report = json.load(open(sys.argv[1]))
assert report["version"] == 1 and report["tool"] == "initscan", report.keys()
assert report["findings"], "no findings"
for f in report["findings"]:
    for key in ("check", "file", "line", "column", "symbol", "dynamic", "cost", "message"):
        assert key in f, (key, f)
    assert os.path.isabs(f["file"]), f["file"]
    assert f["line"] > 0 and f["column"] > 0
    cost = f["cost"]
    for key in ("instructions", "allocations", "io", "unknown_calls", "time_ns"):
        assert key in cost, (key, cost)
    assert isinstance(cost["io"], list)
by_symbol = {f["symbol"]: f for f in report["findings"]}
# The ranking the cost model promises: a regex costs more than a short string.
assert by_symbol["kPattern"]["cost"]["instructions"] > 100 * by_symbol["kShort"]["cost"]["instructions"]
assert by_symbol["kPattern"]["cost"]["allocations"] > by_symbol["kShort"]["cost"]["allocations"]
assert by_symbol["gComputed"]["cost"]["unknown_calls"] == 1
dynamic = {g["symbol"] for g in report["globals"] if g["dynamic"]}
assert {"kPattern", "kShort", "gComputed"} <= dynamic, dynamic
assert "kLimit" not in dynamic
print("json ok")
