"""The model function behind the endpoint: ``predict({"size": 80})``.

model.json is written by train.py, which build.sh runs in every build, so
each build serves the model trained for it.
"""

import json
import os

_HERE = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(_HERE, os.environ.get("MODEL_FILE", "model.json")), encoding="utf-8") as _f:
    _MODEL = json.load(_f)

try:
    from ml_platform import track_metric
except ImportError:  # outside the platform, e.g. a local test
    def track_metric(name, value, model=None):
        return None


def predict(args):
    """Price of a flat of ``args["size"]`` square metres."""
    size = float(args["size"])
    if size <= 0:
        raise ValueError("size must be positive")
    price = _MODEL["slope"] * size + _MODEL["intercept"]
    track_metric("size", size)
    track_metric("price", price)
    return {"price": round(price, 2), "trainedAt": _MODEL["trainedAt"]}
