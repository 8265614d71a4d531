"""initialize, didOpen, diagnostics with the cost, the fix-it as a code action,
the fixed text via didChange clears the diagnostics, shutdown and exit 0."""
import os, shutil, sys
sys.dont_write_bytecode = True  # No __pycache__ in the source tree.
sys.path.insert(0, sys.argv[1])
import lsp_client as L

work = sys.argv[3]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
path = os.path.join(work, "greeting.cpp")
shutil.copy(os.path.join(os.path.dirname(__file__), "greeting.cpp"), path)

c = L.Client([sys.argv[2], "--lsp", "--lsp-debounce=0"])
caps = c.initialize()["capabilities"]
print("sync", caps["textDocumentSync"]["change"], "encoding", caps["positionEncoding"],
      "codeActions", caps["codeActionProvider"]["codeActionKinds"])

c.open(path, version=1)
published = c.diagnostics(path)
print("version", published["version"])
for d in published["diagnostics"]:
    print(L.describe(d))
    print("href", d["codeDescription"]["href"])
    for r in d["relatedInformation"]:
        print("related", r["location"]["uri"] == L.uri(path), r["location"]["range"]["start"]["line"] + 1, r["message"])

# The cursor is at the start of the line, not on the name.
actions = c.response(c.request("textDocument/codeAction", {
    "textDocument": {"uri": L.uri(path)},
    "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
    "context": {"diagnostics": published["diagnostics"]}}))["result"]
for a in actions:
    print("action", a["kind"], a["title"], "for", a["diagnostics"][0]["code"])
    for file_uri, edits in a["edit"]["changes"].items():
        for e in edits:
            r = e["range"]
            print("edit", file_uri == L.uri(path), "%d:%d-%d:%d" % (r["start"]["line"] + 1, r["start"]["character"],
                  r["end"]["line"] + 1, r["end"]["character"]), repr(e["newText"]))
fixed = L.apply_edits(open(path, encoding="utf-8").read(), actions[0]["edit"]["changes"][L.uri(path)])
print("fixed line:", fixed.split("\n")[1])

# Nothing on a line without a finding.
none = c.response(c.request("textDocument/codeAction", {
    "textDocument": {"uri": L.uri(path)},
    "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 3}},
    "context": {"diagnostics": []}}))["result"]
print("actions on line 3:", len(none))
# The client names the diagnostic in the context: its fix, wherever the range.
named = c.response(c.request("textDocument/codeAction", {
    "textDocument": {"uri": L.uri(path)},
    "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 3}},
    "context": {"diagnostics": published["diagnostics"]}}))["result"]
print("actions for the named diagnostic:", len(named))
only = c.response(c.request("textDocument/codeAction", {
    "textDocument": {"uri": L.uri(path)},
    "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
    "context": {"diagnostics": [], "only": ["refactor"]}}))["result"]
print("actions of kind refactor:", len(only))

c.change(path, fixed, version=2)
published = c.diagnostics(path, version=2)
print("after the fix: version", published["version"], "diagnostics", len(published["diagnostics"]))
print("file untouched:", open(path, encoding="utf-8").read() != fixed)

c.notify("textDocument/didClose", {"textDocument": {"uri": L.uri(path)}})
print("closed:", len(c.diagnostics(path)["diagnostics"]))
print("exit", c.shutdown_and_exit())
