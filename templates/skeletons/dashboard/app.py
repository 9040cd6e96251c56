"""A dashboard of a model's predictions: a standard-library HTTP server.

Serves on $ML_APP_PORT (CML: $CDSW_APP_PORT). Reads the metrics the model
tracks (size, price) through the platform SDK's read_metrics.
"""

import html
import json
import os
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ml_platform import MlApiError, read_metrics

MODEL = os.environ.get("MODEL_NAME", "${{ values.modelName }}")


def summary():
    since = datetime.now(timezone.utc) - timedelta(days=1)
    entries = read_metrics(model=MODEL, start=since)
    predictions = [e for e in entries if e.get("predictionUuid")]
    prices = [e["metrics"]["price"] for e in predictions if "price" in e.get("metrics", {})]
    return {
        "model": MODEL,
        "predictions": len(predictions),
        "meanPrice": sum(prices) / len(prices) if prices else None,
        "latest": predictions[-10:],
    }


class Handler(BaseHTTPRequestHandler):
    def _send(self, status, content_type, body):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        try:
            data = summary()
        except MlApiError as error:
            self._send(502, "text/plain; charset=utf-8", f"Could not read metrics: {error}\n")
            return
        if self.path.rstrip("/").endswith("api/summary"):
            self._send(200, "application/json", json.dumps(data))
            return
        rows = "".join(
            f"<tr><td>{html.escape(str(e.get('at')))}</td>"
            f"<td>{html.escape(str(e['metrics'].get('size')))}</td>"
            f"<td>{html.escape(str(e['metrics'].get('price')))}</td></tr>"
            for e in reversed(data["latest"])
        )
        mean = "-" if data["meanPrice"] is None else f"{data['meanPrice']:.2f}"
        self._send(
            200,
            "text/html; charset=utf-8",
            f"<!doctype html><title>{html.escape(MODEL)} dashboard</title>"
            f"<h1>Model {html.escape(MODEL)}</h1>"
            f"<p>Predictions in the last 24 h: <b id='count'>{data['predictions']}</b>; mean price {mean}</p>"
            f"<table><tr><th>At</th><th>Size</th><th>Price</th></tr>{rows}</table>",
        )

    def log_message(self, format, *args):
        print(format % args, flush=True)


port = int(os.environ.get("ML_APP_PORT") or os.environ["CDSW_APP_PORT"])
print(f"dashboard of model {MODEL} on port {port}", flush=True)
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
