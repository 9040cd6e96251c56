"""The prediction a model replica is serving right now.

``ml_platform.model_server`` sets it around each call of the model function;
the SDK reads it (``track_metric`` records into it, the model decorator takes
its uuid). A replica serves one request at a time, so a module-level value is
enough. Standard library only.
"""

_prediction_id = None
_metrics = None


def current_prediction_id():
    """The uuid of the prediction being served (X-ML-Prediction-Id), or None outside one."""
    return _prediction_id


def in_prediction():
    """True while the model function is being called by the model server."""
    return _metrics is not None


def record_metric(key, value):
    """Keeps a metric for the current prediction; False outside a prediction."""
    if _metrics is None:
        return False
    _metrics[str(key)] = value
    return True


def begin_prediction(prediction_id):
    global _prediction_id, _metrics
    _prediction_id = prediction_id
    _metrics = {}


def end_prediction():
    """Clears the context and returns the metrics tracked during the prediction."""
    global _prediction_id, _metrics
    metrics = _metrics or {}
    _prediction_id = None
    _metrics = None
    return metrics
