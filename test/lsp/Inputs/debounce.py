"""Rapid edits: only the latest version is analysed and published. A code
action asked while an analysis is pending waits for it, and $/cancelRequest
cancels it with RequestCancelled."""
import os, shutil, sys
sys.dont_write_bytecode = True  # No __pycache__ in the source tree.
sys.path.insert(0, sys.argv[1])
import lsp_client as L

work = sys.argv[3]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
path = os.path.join(work, "edits.cpp")


def text(version):
    return ('#include <string>\nconst std::string kVersion%d = "a string long enough to be allocated";\n'
            % version)


c = L.Client([sys.argv[2], "--lsp", "--lsp-debounce=2000"])
c.initialize()
c.open(path, text(1), version=1)
for version in (2, 3, 4):
    c.change(path, text(version), version)
c.diagnostics(path, version=4)
c.quiet(1.0)
published = [m["params"] for m in c.seen if m.get("method") == "textDocument/publishDiagnostics"]
for p in published:
    print("published version", p["version"], [d["message"].split(" ")[0] for d in p["diagnostics"]])

# Pending code action, cancelled before the debounce ends.
c.change(path, text(5), 5)
pending = c.request("textDocument/codeAction", {
    "textDocument": {"uri": L.uri(path)},
    "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
    "context": {"diagnostics": []}})
c.notify("$/cancelRequest", {"id": pending})
error = c.response(pending)["error"]
print("cancelled", error["code"], error["message"])
c.diagnostics(path, version=5)
late = [m for m in c.quiet(0.5) if m.get("id") == pending]
print("answers after the cancel:", len(late))
c.notify("$/cancelRequest", {"id": 999})  # Unknown: ignored.

# A code action during the debounce waits for the latest text's analysis.
c.change(path, text(6), 6)
waiting = c.request("textDocument/codeAction", {
    "textDocument": {"uri": L.uri(path)},
    "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
    "context": {"diagnostics": []}})
answer = c.response(waiting)
order = [("publish %d" % m["params"]["version"]) if m.get("method") else "answer"
         for m in c.seen[-2:]]
print("order", order)
print("action edits", [e["newText"] for e in answer["result"][0]["edit"]["changes"][L.uri(path)]])
print("exit", c.shutdown_and_exit())
