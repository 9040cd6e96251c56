"""The code runner behind a session's console.

Run as ``python -m ml_platform.session_kernel``; it serves HTTP on
127.0.0.1:$ML_KERNEL_PORT (the compute driver picks the port):

- ``POST /execute`` with Python source (UTF-8) as the body runs it in one
  namespace shared by every request, like the interactive prompt: when the
  last statement is an expression, its repr is printed. The response is
  chunked NDJSON, sent while the code runs::

      {"stream": "stdout", "text": "42\\n"}
      {"stream": "stderr", "text": "..."}
      {"done": true, "error": null}

  or, when the code raised, ``{"done": true, "error": {"name": ...,
  "message": ..., "traceback": ...}}``.
- ``GET /health`` answers ``{"ok": true}``.

Every request must carry the session's secret, which the compute driver
passes in ``ML_KERNEL_SECRET`` (one per session attempt) and sends itself:
``Authorization: Bearer <secret>``. Other requests get 401: other local
users and workloads can reach the port on 127.0.0.1, and code sent there
would run as the session. The kernel does not start without a secret, and
takes it out of ``os.environ`` so code in the session and the processes it
starts do not inherit it.

Code runs on the main thread, one request at a time: signal handlers and
libraries that insist on the main thread work as in a script, and a later
interrupt can be a plain SIGINT. Standard library only.
"""

import ast
import builtins
import hmac
import io
import json
import linecache
import os
import queue
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_SOURCE_BYTES = 10 * 1024 * 1024
# Output without a newline (a progress bar) is sent once it is this old.
PARTIAL_LINE_SECONDS = 0.1

_current = None


class _Execution:
    """The output of one request, as events for the HTTP handler to send.

    Text is sent in whole lines, so ``print(x)`` (two writes: value, newline)
    arrives as one event.
    """

    def __init__(self, source):
        self.source = source
        self.events = queue.Queue()
        self._lock = threading.Lock()
        self._partial = {"stdout": "", "stderr": ""}
        self._partial_since = {"stdout": 0.0, "stderr": 0.0}

    def write(self, stream, text):
        with self._lock:
            # Keeps stdout and stderr in the order they were written.
            other = "stderr" if stream == "stdout" else "stdout"
            self._emit(other, self._partial[other])
            self._partial[other] = ""
            buffered = self._partial[stream] + text
            cut = buffered.rfind("\n") + 1
            self._emit(stream, buffered[:cut])
            if not self._partial[stream] or cut:
                self._partial_since[stream] = time.monotonic()
            self._partial[stream] = buffered[cut:]

    def flush(self, older_than=0.0):
        with self._lock:
            now = time.monotonic()
            for stream in ("stdout", "stderr"):
                if now - self._partial_since[stream] >= older_than:
                    self._emit(stream, self._partial[stream])
                    self._partial[stream] = ""

    def finish(self, error):
        self.flush()
        self.events.put({"done": True, "error": error})

    def _emit(self, stream, text):
        if text:
            self.events.put({"stream": stream, "text": text})


class _StreamProxy(io.TextIOBase):
    """Stands in for sys.stdout/sys.stderr: while code runs, its output (from
    any thread the code started, too) belongs to that execution; otherwise it
    goes to the real stream, the workload's log."""

    def __init__(self, name, original):
        super().__init__()
        self._name = name
        self._original = original

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return self._original.fileno()

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        execution = _current
        if execution is None:
            self._original.write(text)
            self._original.flush()
        else:
            execution.write(self._name, text)
        return len(text)

    def flush(self):
        execution = _current
        if execution is None:
            self._original.flush()
        else:
            execution.flush()


def _describe(error, tb):
    if isinstance(error, SyntaxError):
        lines = traceback.format_exception_only(type(error), error)
    else:
        lines = traceback.format_exception(type(error), error, tb)
    return {"name": type(error).__name__, "message": str(error), "traceback": "".join(lines)}


class Kernel:
    """One persistent namespace and the code that runs in it."""

    def __init__(self):
        self.namespace = {"__name__": "__main__", "__builtins__": builtins}
        self.count = 0
        self.stdout = _StreamProxy("stdout", sys.__stdout__)
        self.stderr = _StreamProxy("stderr", sys.__stderr__)

    def run(self, execution):
        global _current
        self.count += 1
        filename = f"<cell {self.count}>"
        source = execution.source
        # Lets tracebacks show the lines of the cell.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        # Code may have replaced them in an earlier cell; capture needs ours.
        sys.stdout, sys.stderr = self.stdout, self.stderr
        error = None
        _current = execution
        try:
            tree = ast.parse(source, filename, "exec")
            last = None
            if tree.body and isinstance(tree.body[-1], ast.Expr):
                # 'single' mode prints the value through sys.displayhook, as the prompt does.
                last = ast.Interactive(body=[tree.body.pop()])
            exec(compile(tree, filename, "exec"), self.namespace)
            if last is not None:
                exec(compile(last, filename, "single"), self.namespace)
        except BaseException as raised:  # noqa: B036 - SystemExit and Ctrl-C end the cell, not the kernel
            # The first frame is this method; the user's code starts after it.
            tb = raised.__traceback__.tb_next if raised.__traceback__ else None
            error = _describe(raised, tb)
        finally:
            _current = None
            execution.finish(error)


# For answers sent before the body was read: the connection cannot be reused,
# and saying so keeps the client from sending its next request down a closing
# socket.
_UNREAD_BODY = {"Connection": "close"}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ml-platform-kernel/1"

    def _authorized(self):
        """True for a request with the secret; answers 401 to any other."""
        expected = ("Bearer " + self.server.secret).encode("utf-8")
        given = (self.headers.get("Authorization") or "").encode("utf-8")
        if hmac.compare_digest(given, expected):
            return True
        self._send_json(
            401,
            {"error": "this kernel needs its session's secret"},
            {"WWW-Authenticate": "Bearer", **_UNREAD_BODY},
        )
        return False

    def do_GET(self):
        if not self._authorized():
            return
        if self.path == "/health":
            self._send_json(200, {"ok": True})
        else:
            self._send_json(404, {"error": f"no such endpoint: GET {self.path}"})

    def do_POST(self):
        if not self._authorized():
            return
        if self.path != "/execute":
            self._send_json(404, {"error": f"no such endpoint: POST {self.path}"}, _UNREAD_BODY)
            return
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._send_json(411, {"error": "send the source with a Content-Length"}, _UNREAD_BODY)
            return
        if int(length) > MAX_SOURCE_BYTES:
            self._send_json(413, {"error": f"source larger than {MAX_SOURCE_BYTES} bytes"}, _UNREAD_BODY)
            return
        try:
            source = self.rfile.read(int(length)).decode("utf-8")
        except UnicodeDecodeError:
            self._send_json(400, {"error": "the source is not UTF-8"})
            return
        execution = _Execution(source)
        self.server.jobs.put(execution)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        connected = True
        while True:
            try:
                event = execution.events.get(timeout=PARTIAL_LINE_SECONDS)
            except queue.Empty:
                execution.flush(older_than=PARTIAL_LINE_SECONDS)
                continue
            if connected:
                # A client that went away does not stop the code; its output is dropped.
                connected = self._send_chunk((json.dumps(event) + "\n").encode("utf-8"))
            if event.get("done"):
                break
        if connected:
            self._send_chunk(b"")

    def _send_chunk(self, data):
        try:
            self.wfile.write(f"{len(data):x}\r\n".encode("ascii") + data + b"\r\n")
            self.wfile.flush()
            return True
        except OSError:
            self.close_connection = True
            return False

    def _send_json(self, status, body, headers=None):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_request(self, code="-", size="-"):
        # Health probes and cells would bury the workload's own output.
        if isinstance(code, int) and code >= 400:
            super().log_request(code, size)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        # Straight to the log: during a cell, sys.stderr belongs to the cell.
        sys.__stderr__.write(f"kernel: {self.address_string()} {format % args}\n")
        sys.__stderr__.flush()


def serve(port, secret):
    """Serves until the process is stopped; code runs on the calling thread."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
    server.secret = secret
    server.jobs = queue.Queue()
    threading.Thread(target=server.serve_forever, name="http", daemon=True).start()
    kernel = Kernel()
    sys.__stdout__.write(f"kernel ready on port {server.server_address[1]}\n")
    sys.__stdout__.flush()
    while True:
        try:
            kernel.run(server.jobs.get())
        except KeyboardInterrupt:
            # An interrupt between cells has nothing to stop.
            continue


def main():
    secret = os.environ.pop("ML_KERNEL_SECRET", "")
    if not secret:
        sys.exit("session kernel: ML_KERNEL_SECRET is not set; refusing to serve without a secret")
    serve(int(os.environ.get("ML_KERNEL_PORT", "0")), secret)


if __name__ == "__main__":
    main()
