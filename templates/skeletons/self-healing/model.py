"""The model function behind the endpoint: ``predict({"size": 80})``.

Each prediction records its value as the tracked metric ``price``; the
platform keeps the declared request features (``FEATURES``) of each call,
and ``actual_price`` arrives later as its delayed ground truth (simulate.py
sends it with ``track_delayed_metrics``). The model's monitoring settings
name these, so the Monitoring tab computes quality and drift from them.
"""

import json
import os

_HERE = os.path.dirname(os.path.abspath(__file__))

# The request fields drift is computed for (the monitoring settings' features).
FEATURES = {"size": "numeric"}
# The tracked metric holding the prediction, and the delayed one holding its truth.
PREDICTION_METRIC = "price"
TRUTH_METRIC = "actual_price"

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
    # The size too, so retrain.py can read it back with the truth.
    track_metric("size", size)
    track_metric(PREDICTION_METRIC, price)
    return {"price": round(price, 2), "trainedOn": _MODEL["trainedOn"]}
