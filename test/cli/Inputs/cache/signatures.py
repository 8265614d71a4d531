"""signatures.py MODE ARGS: edits for test/cli/cache-signatures.test.

same-size-edit FILE OLD NEW  replaces OLD by NEW (same length) in FILE, then
                             puts FILE's atime and mtime back; fails unless
                             its size and mtime are then as before.
spoil-hash INDEX FILE        sets FILE's hash in the file-signature INDEX
                             to zero (its signature stays valid).
"""
import os
import sys

mode = sys.argv[1]
if mode == "same-size-edit":
    path, old, new = sys.argv[2:5]
    assert len(old) == len(new), "OLD and NEW must have the same length"
    before = os.stat(path)
    with open(path) as f:
        text = f.read()
    if text.count(old) != 1:
        sys.exit("%s is not in %s once" % (old, path))
    with open(path, "w") as f:
        f.write(text.replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        sys.exit("size or mtime changed")
elif mode == "spoil-hash":
    index, path = sys.argv[2:4]
    with open(index) as f:
        lines = f.read().split("\n")
    spoiled = 0
    for i, line in enumerate(lines):
        fields = line.split(" ", 6)
        if len(fields) == 7 and fields[6] == path:
            lines[i] = " ".join(["0" * 16] + fields[1:])
            spoiled += 1
    if spoiled != 1:
        sys.exit("%s is not in %s once" % (path, index))
    with open(index, "w") as f:
        f.write("\n".join(lines))
else:
    sys.exit("unknown mode " + mode)
