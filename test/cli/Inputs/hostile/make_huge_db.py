"""make_huge_db.py DIR COUNT: writes DIR/compile_commands.json with COUNT
entries for files that do not exist and one for DIR/quick.cpp (last)."""
import json
import os
import sys

directory, count = os.path.abspath(sys.argv[1]), int(sys.argv[2])
entries = [{"directory": directory, "file": "src/gone%d.cpp" % i,
            "command": "c++ -std=c++17 -c src/gone%d.cpp" % i}
           for i in range(count)]
entries.append({"directory": directory, "file": "quick.cpp",
                "command": "c++ -std=c++17 -c quick.cpp"})
with open(os.path.join(directory, "compile_commands.json"), "w") as f:
    json.dump(entries, f)
