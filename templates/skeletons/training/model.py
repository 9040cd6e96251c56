"""The model function behind the endpoint: ``predict({"size": 80})``.

A build from the model registry has the registered version's model folder
(model.json and MLmodel, logged by train.py) in ``ML_MODEL_ARTIFACTS``, and
serves that. Any other build serves model.json, which build.sh trains in
the build. The MLmodel file names this module as its python_function loader
(``_load_pyfunc``), so MLflow's pyfunc loading serves the same model.
"""

import json
import os

_HERE = os.path.dirname(os.path.abspath(__file__))

try:
    from ml_platform import track_metric
except ImportError:  # outside the platform, e.g. a local test
    def track_metric(name, value, model=None):
        return None


def _model_file():
    artifacts = os.environ.get("ML_MODEL_ARTIFACTS")
    if artifacts:
        return os.path.join(_HERE, artifacts, "model.json")
    return os.path.join(_HERE, os.environ.get("MODEL_FILE", "model.json"))


class PriceModel:
    """The fitted line, as MLflow's pyfunc models are: ``predict(args)``."""

    def __init__(self, params):
        self.params = params

    def predict(self, args):
        """Price of a flat of ``args["size"]`` square metres."""
        size = float(args["size"])
        if size <= 0:
            raise ValueError("size must be positive")
        price = self.params["slope"] * size + self.params["intercept"]
        track_metric("size", size)
        track_metric("price", price)
        return {"price": round(price, 2), "trainedAt": self.params["trainedAt"]}


def _load_pyfunc(data_path):
    """MLflow's loader hook: the model in ``data_path`` (a model.json)."""
    with open(data_path, encoding="utf-8") as f:
        return PriceModel(json.load(f))


_MODEL = _load_pyfunc(_model_file())


def predict(args):
    """Price of a flat of ``args["size"]`` square metres."""
    return _MODEL.predict(args)
