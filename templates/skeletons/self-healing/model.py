"""The model function behind the endpoint: ``predict({"size": 80})``.

Each prediction records its value as the tracked metric ``price``; the
platform keeps the declared request features (``FEATURES``) of each call,
and ``actual_price`` arrives later as its delayed ground truth (simulate.py
sends it with ``track_delayed_metrics``). The model's monitoring settings
name these (monitoring.py), so the Monitoring tab computes quality and
drift from them.
"""

import json
import os

_HERE = os.path.dirname(os.path.abspath(__file__))

from monitoring import PREDICTION_METRIC, SIZE_METRIC

try:
    from ml_platform import track_metric
except ImportError:  # outside the platform, e.g. a local test

    def track_metric(name, value, model=None):
        return None


def _load():
    with open(os.path.join(_HERE, os.environ.get("MODEL_FILE", "model.json")), encoding="utf-8") as f:
        return json.load(f)


_MODEL = _load()


def predict(args):
    """Price of a flat of ``args["size"]`` square metres."""
    size = float(args["size"])
    if size <= 0:
        raise ValueError("size must be positive")
    price = _MODEL["slope"] * size + _MODEL["intercept"]
    track_metric(SIZE_METRIC, size)
    track_metric(PREDICTION_METRIC, price)
    return {"price": round(price, 2), "trainedOn": _MODEL["trainedOn"]}
