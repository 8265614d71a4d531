"""tree_digest.py DIR: one line per file below DIR: its SHA-256, mode and
path, sorted, so two runs can be compared with diff. initscan's own cache
directory (.initscan-cache, written into the build directory with -p) is
left out: it is not the user's."""
import hashlib
import os
import sys

root = sys.argv[1]
for dirpath, dirnames, filenames in os.walk(root):
    dirnames[:] = sorted(d for d in dirnames if d != ".initscan-cache")
    for name in sorted(filenames):
        path = os.path.join(dirpath, name)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        mode = oct(os.stat(path).st_mode & 0o7777)
        print(digest, mode, os.path.relpath(path, root))
