"""A small Language Server Protocol client for the tests of `initscan --lsp`.

Starts the server, frames JSON-RPC messages onto its stdin and collects what it
writes on stdout in a reader thread, so every wait has a timeout and a test can
never hang on a silent or crashed server.
"""

import json
import os
import queue
import subprocess
import sys
import threading
import time

TIMEOUT = float(os.environ.get("LSP_TEST_TIMEOUT", "60"))


class ServerError(Exception):
    pass


def uri(path):
    return "file://" + os.path.abspath(path)


class Client:
    def __init__(self, argv, cwd=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.messages = queue.Queue()
        self.seen = []  # Everything received, in order.
        self.next_id = 1
        self.stderr = []
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # Reading -----------------------------------------------------------------
    def _read_stdout(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                self.messages.put(ServerError("server sent a header without Content-Length"))
                return
            body = out.read(length)
            self.messages.put(json.loads(body))

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def wait_for(self, predicate, what, timeout=TIMEOUT):
        """The first message (received from now on) for which predicate holds."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                message = self.messages.get(timeout=max(left, 0.01))
            except queue.Empty:
                self.fail("timed out after %ss waiting for %s" % (timeout, what))
            if message is None:
                self.fail("server closed its output while waiting for %s" % what)
            if isinstance(message, Exception):
                self.fail(str(message))
            self.seen.append(message)
            if predicate(message):
                return message

    def response(self, request_id, timeout=TIMEOUT):
        return self.wait_for(lambda m: m.get("id") == request_id and "method" not in m,
                             "the response to request %r" % request_id, timeout)

    def diagnostics(self, path, version=None, timeout=TIMEOUT):
        """The next publishDiagnostics of path (of version, when given)."""
        def match(m):
            p = m.get("params", {})
            return (m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri(path)
                    and (version is None or p.get("version") == version))
        return self.wait_for(match, "diagnostics of %s version %s" % (path, version), timeout)["params"]

    def quiet(self, seconds):
        """Everything received during the next seconds."""
        got = []
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return got
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                return got
            if message is None:
                return got
            self.seen.append(message)
            got.append(message)

    def fail(self, why):
        self.proc.kill()
        sys.stderr.write("lsp_client: %s\nserver stderr:\n%s" % (why, "".join(self.stderr)))
        sys.exit(1)

    # Writing -----------------------------------------------------------------
    def raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        request_id = self.next_id
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": request_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return request_id

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    # LSP conveniences --------------------------------------------------------
    def initialize(self, options=None, root=None):
        params = {"processId": os.getpid(), "capabilities": {},
                  "rootUri": uri(root) if root else None}
        if options is not None:
            params["initializationOptions"] = options
        result = self.response(self.request("initialize", params))["result"]
        self.notify("initialized", {})
        return result

    def open(self, path, text=None, version=1):
        if text is None:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "cpp", "version": version, "text": text}})

    def change(self, path, text, version):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri(path), "version": version},
            "contentChanges": [{"text": text}]})

    def shutdown_and_exit(self, timeout=TIMEOUT):
        """Sends shutdown and exit; returns the exit status."""
        self.response(self.request("shutdown"))
        self.notify("exit")
        return self.wait_exit(timeout)

    def wait_exit(self, timeout=TIMEOUT):
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.fail("server did not exit within %ss" % timeout)


def describe(diagnostic):
    """One line per diagnostic, for FileCheck."""
    start = diagnostic["range"]["start"]
    end = diagnostic["range"]["end"]
    return "%d:%d-%d:%d %s %s [%s] severity=%s" % (
        start["line"] + 1, start["character"], end["line"] + 1, end["character"],
        diagnostic.get("source"), diagnostic["message"], diagnostic.get("code"),
        diagnostic.get("severity"))


def apply_edits(text, edits):
    """Applies LSP TextEdits (UTF-16 positions) to text."""
    lines = text.split("\n")

    def offset(pos):
        before = sum(len(l) + 1 for l in lines[:pos["line"]])
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        units = line.encode("utf-16-le")[:2 * pos["character"]].decode("utf-16-le")
        return before + len(units)

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                            e["range"]["start"]["character"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text
