"""corrupt.py DIR MODE: spoils every *.json file in DIR. MODE 'garbage' makes
it unparsable, 'old-version' keeps it valid JSON of an older format version,
'truncate' cuts it in half (a torn write)."""
import glob
import json
import os
import sys

directory, mode = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(directory, "*.json")))
if not files:
    sys.exit("no *.json files in " + directory)
for path in files:
    with open(path) as f:
        text = f.read()
    if mode == "garbage":
        text = "this is not json {"
    elif mode == "truncate":
        text = text[: len(text) // 2]
    elif mode == "old-version":
        data = json.loads(text)
        data["version"] = 0
        text = json.dumps(data)
    else:
        sys.exit("unknown mode " + mode)
    with open(path, "w") as f:
        f.write(text)
