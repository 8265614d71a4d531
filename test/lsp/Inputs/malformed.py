"""Bad input never crashes or hangs the server: bad frames are skipped, bad
JSON gets a parse error, unknown requests MethodNotFound; exit codes follow
the protocol (0 after shutdown, 1 without)."""
import json, os, shutil, sys
sys.dont_write_bytecode = True  # No __pycache__ in the source tree.
sys.path.insert(0, sys.argv[1])
import lsp_client as L

work = sys.argv[3]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
path = os.path.join(work, "global.cpp")
with open(path, "w") as f:
    f.write('#include <map>\n#include <string>\nstd::map<std::string, int> gTable = {{"one", 1}, {"two", 2}};\n')


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def until(client, sentinel):
    """Messages received up to the response to the sentinel request."""
    start = len(client.seen)
    client.response(sentinel)
    for m in client.seen[start:]:
        if "result" in m:
            print("  got result for", m["id"])
            continue
        print("  got", json.dumps({k: m[k] for k in ("id", "error", "method") if k in m}, sort_keys=True))


c = L.Client([sys.argv[2], "--lsp", "--lsp-debounce=0"])
print("before initialize:")
until(c, c.request("textDocument/codeAction", {}))

print("bad frames:")
c.raw(b"\x00\xff garbage without a header\r\n\r\n")           # no Content-Length: skipped
c.raw(b"Content-Type: application/vscode-jsonrpc\r\n\r\n")   # no Content-Length: skipped
c.raw(b"Content-Length: many\r\n\r\n")                       # bad Content-Length: skipped
c.raw(frame(b'{"jsonrpc": "2.0", "id": 40, "method": '))      # truncated JSON: -32700
c.raw(frame(b"[1, 2, 3]"))                                    # not an object: -32600
c.raw(frame(b'{"jsonrpc": "2.0", "id": 41}'))                # no method: -32600
c.raw(b"junk" + frame(b'{"jsonrpc": "2.0", "id": 42, "method": "initscan/nothing"}'))
until(c, c.request("initialize", {"processId": None, "capabilities": {}, "rootUri": None}))
c.notify("initialized", {})

print("unknown methods:")
c.notify("workspace/didChangeConfiguration", {"settings": {}})
c.notify("$/setTrace", {"value": "off"})
c.notify("textDocument/didChange", {"textDocument": {"uri": L.uri(path)}})  # not open, no changes
until(c, c.request("textDocument/hover", {"textDocument": {"uri": L.uri(path)},
                                           "position": {"line": 0, "character": 0}}))

print("still working:")
c.open(path)
for d in c.diagnostics(path)["diagnostics"]:
    print(L.describe(d))
c.notify("exit")
print("exit without shutdown", c.wait_exit())

c = L.Client([sys.argv[2], "--lsp"])
c.initialize()
c.proc.stdin.close()
print("end of input without shutdown", c.wait_exit())

c = L.Client([sys.argv[2], "--lsp"])
c.initialize()
c.response(c.request("shutdown"))
print("after shutdown:")
until(c, c.request("textDocument/codeAction", {}))
c.notify("exit")
print("exit after shutdown", c.wait_exit())
