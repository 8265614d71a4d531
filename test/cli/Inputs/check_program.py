"""Asserts the whole-program section of an initscan JSON report."""
import json
import sys

report = json.load(open(sys.argv[1]))
assert report["version"] == 1
program = report["program"]
ranked = program["ranked"]
totals = [r["total"]["instructions"] for r in ranked]
assert totals == sorted(totals, reverse=True), totals
assert [r["rank"] for r in ranked] == list(range(1, len(ranked) + 1))
by_symbol = {r["symbol"]: r for r in ranked}
assert ranked[0]["symbol"] == "kHeavy", ranked[0]
banner = by_symbol["kBanner"]
assert banner["translation_units"] == 4 and banner["instances"] == 4, banner
assert banner["total"]["instructions"] == 4 * banner["cost"]["instructions"], banner
assert by_symbol["reg_one"]["registrar"] and by_symbol["reg_one"]["registry"] == "Registrar"
assert program["registries"] == [r for r in program["registries"] if r["registry"] == "Registrar"]
assert program["registries"][0]["registrars"] == 3
assert program["total"]["instructions"] == sum(totals), (program["total"], sum(totals))
assert program["initializers"] == 11 and program["exit_time_destructors"] == 8
assert program["translation_units"] == 4
# Every version-1 field is still there.
for key in ("findings", "globals", "translation_units", "tool"):
    assert key in report, key
print("program ok")
