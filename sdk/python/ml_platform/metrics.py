"""Model metrics from inside a workload (CML's ``cdsw.track_metric`` and friends).

- ``track_metric(name, value)``: inside a prediction (the model function
  called by the platform's model server) the value is kept with that
  prediction and stored with its record; elsewhere it is sent to the
  platform at once, for the model this replica serves (or ``model=``).
- ``track_delayed_metrics(metrics, prediction_uuid)``: values known later,
  such as the ground truth, joined to a prediction by its uuid. Sending them
  again replaces them.
- ``track_aggregate_metrics(metrics, start_timestamp_ms, end_timestamp_ms)``:
  values that describe a whole window of a model's predictions, such as an
  accuracy computed elsewhere; monitors of kind ``aggregate`` read them.
- ``read_metrics(...)``: the values of a model's predictions in a time range,
  or of one prediction.

Values are numbers. Standard library only.
"""

import time

from ml_platform import _api, _context


def _number(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"metric {name!r} must be a number, not {type(value).__name__}")
    return float(value)


def track_metric(name, value, model=None):
    """Tracks a metric value: with the current prediction, or on its own."""
    number = _number(name, value)
    if model is None and _context.record_metric(name, number):
        return
    point = {"name": str(name), "value": number, "at": int(time.time() * 1000)}
    if model is not None:
        point["model"] = model
    _api.workload_call("POST", "/workload-api/v1/metrics", {"points": [point]})


def track_metrics(metrics, model=None):
    """Tracks several values in one call: ``{"name": value, ...}``."""
    if model is None and _context.in_prediction():
        for name, value in metrics.items():
            _context.record_metric(name, _number(name, value))
        return
    at = int(time.time() * 1000)
    points = []
    for name, value in metrics.items():
        point = {"name": str(name), "value": _number(name, value), "at": at}
        if model is not None:
            point["model"] = model
        points.append(point)
    if points:
        _api.workload_call("POST", "/workload-api/v1/metrics", {"points": points})


def track_delayed_metrics(metrics, prediction_uuid):
    """Adds metrics to an earlier prediction (e.g. its ground truth), by the prediction's uuid."""
    values = {str(name): _number(name, value) for name, value in metrics.items()}
    _api.workload_call(
        "POST",
        "/workload-api/v1/delayed-metrics",
        {"predictionUuid": str(prediction_uuid), "metrics": values},
    )


def track_aggregate_metrics(
    metrics, start_timestamp_ms, end_timestamp_ms, model_deployment_crn=None, model=None
):
    """Tracks metrics of the window [start, end) (CML's ``cdsw.track_aggregate_metrics``).

    ``metrics`` is ``{"name": value, ...}``; the times are epoch milliseconds
    (or datetimes) and the start must be before the end. The values belong to
    the model this replica serves, or ``model=`` (a name or id of a model of
    the workload's project); ``model_deployment_crn`` is the id of the
    deployment they describe, where CML takes its CRN. Returns how many
    values the platform accepted.
    """
    values = {str(name): _number(name, value) for name, value in metrics.items()}
    body = {
        "metrics": values,
        "start": _epoch_millis("start_timestamp_ms", start_timestamp_ms),
        "end": _epoch_millis("end_timestamp_ms", end_timestamp_ms),
    }
    if model is not None:
        body["model"] = model
    if model_deployment_crn is not None:
        body["deploymentId"] = str(model_deployment_crn)
    answer = _api.workload_call("POST", "/workload-api/v1/aggregate-metrics", body)
    return answer["accepted"]


def _epoch_millis(name, value):
    if hasattr(value, "timestamp"):
        return int(value.timestamp() * 1000)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be epoch milliseconds, not {type(value).__name__}")
    return int(value)


def _time(value):
    """Epoch milliseconds from a number (ms), a datetime, or an ISO string."""
    if value is None:
        return None
    if hasattr(value, "timestamp"):
        return int(value.timestamp() * 1000)
    return value


def read_metrics(model=None, deployment=None, start=None, end=None, uuid=None, name=None):
    """Metrics of a model (default: this replica's own), newest last.

    Returns a list of entries ``{"predictionUuid", "modelId", "deploymentId",
    "at", "metrics", "delayedMetrics"}``: one per prediction, and one per
    value tracked outside a prediction (``predictionUuid`` None). ``start``
    and ``end`` are epoch milliseconds, datetimes or ISO strings; ``uuid``
    reads one prediction.
    """
    answer = _api.workload_call(
        "GET",
        "/workload-api/v1/metrics",
        query={
            "model": model,
            "deploymentId": deployment,
            "start": _time(start),
            "end": _time(end),
            "uuid": uuid,
            "name": name,
        },
    )
    return answer["metrics"]
