"""Serves one model replica: ``python3 -m ml_platform.model_server``.

Loads ML_MODEL_FILE's ML_MODEL_FUNCTION from the working folder (the build
snapshot) and serves HTTP/1.1 with keep-alive on 127.0.0.1:ML_MODEL_PORT,
one request at a time (the platform's gateway queues the rest):

- ``GET /health``: 200 once the function is loaded.
- ``POST /predict`` with a JSON body: calls the function with it and answers
  ``{"success": true, "response": ..., "modelMs": ..., "metrics": {...}}``;
  an exception in the function answers 200 with ``{"success": false,
  "error": {"name", "message"}}`` and the replica keeps serving.

The gateway's ``X-ML-Prediction-Id`` header is the prediction's uuid; the
SDK reads it through ``ml_platform._context``. Standard library only.
"""

import json
import math
import os
import sys
import time
import traceback
from http.server import BaseHTTPRequestHandler, HTTPServer

from ml_platform import _context
from ml_platform._model_loader import ModelLoadError, load_model_function

MAX_BODY_BYTES = 64 * 1024 * 1024
# One connection is served at a time, so an idle keep-alive connection would
# hold off every other client; it is closed after this many idle seconds.
IDLE_SECONDS = float(os.environ.get("ML_MODEL_IDLE_TIMEOUT_SECONDS", "5"))


def _json_safe(value):
    """Non-finite floats are not JSON; they become None rather than failing the prediction."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


class ModelHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ml-platform-model"
    sys_version = ""
    timeout = IDLE_SECONDS
    # Headers and body go out in separate writes; with Nagle's algorithm the
    # body then waits for the client's delayed ACK (~40 ms per prediction).
    disable_nagle_algorithm = True
    function = None

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        # One line per request would drown the model's own output.
        pass

    def _send(self, status, payload):
        body = json.dumps(payload, default=str).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.split("?")[0] == "/health":
            self._send(200, {"status": "ok"})
        else:
            self._send(404, {"success": False, "error": {"name": "NotFound", "message": f"no route {self.path}"}})

    def do_POST(self):
        if self.path.split("?")[0] != "/predict":
            self._drain()
            self._send(404, {"success": False, "error": {"name": "NotFound", "message": f"no route {self.path}"}})
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            self._send(413, {"success": False, "error": {"name": "PayloadTooLarge", "message": "request body too large"}})
            return
        raw = self.rfile.read(length) if length else b""
        try:
            request = json.loads(raw.decode("utf-8")) if raw else None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            self._send(400, {"success": False, "error": {"name": "InvalidJSON", "message": str(error)}})
            return
        self._send(200, self._predict(request, self.headers.get("X-ML-Prediction-Id")))

    def _drain(self):
        length = int(self.headers.get("Content-Length") or 0)
        if 0 < length <= MAX_BODY_BYTES:
            self.rfile.read(length)

    def _predict(self, request, prediction_id):
        _context.begin_prediction(prediction_id)
        started = time.perf_counter()
        try:
            result = type(self).function(request)
            model_ms = (time.perf_counter() - started) * 1000
            metrics = _context.end_prediction()
            try:
                json.dumps(result, allow_nan=False)
            except (TypeError, ValueError) as error:
                return {
                    "success": False,
                    "error": {"name": "TypeError", "message": f"the model returned a value that is not JSON: {error}"},
                    "modelMs": model_ms,
                    "metrics": metrics,
                }
            return {"success": True, "response": result, "modelMs": model_ms, "metrics": metrics}
        except Exception as error:  # the model's own failure: report it and keep serving
            model_ms = (time.perf_counter() - started) * 1000
            metrics = _context.end_prediction()
            traceback.print_exc()
            sys.stderr.flush()
            return {
                "success": False,
                "error": {"name": type(error).__name__, "message": str(error)},
                "modelMs": model_ms,
                "metrics": {k: _json_safe(v) for k, v in metrics.items()},
            }


def main():
    port = int(os.environ.get("ML_MODEL_PORT", "0"))
    file_path = os.environ.get("ML_MODEL_FILE", "")
    function_name = os.environ.get("ML_MODEL_FUNCTION", "")
    try:
        ModelHandler.function = staticmethod(load_model_function(file_path, function_name))
    except ModelLoadError as error:
        if error.__cause__ is not None:
            traceback.print_exception(error.__cause__, file=sys.stderr)
        print(str(error), file=sys.stderr, flush=True)
        return 1
    server = HTTPServer(("127.0.0.1", port), ModelHandler)
    print(f"Serving {function_name} from {file_path} on 127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
