"""Experiment tracking for runtimes without the ``mlflow`` package.

The platform serves MLflow's tracking REST API and gives every workload
``MLFLOW_TRACKING_URI``, ``MLFLOW_TRACKING_TOKEN`` and a default
``MLFLOW_EXPERIMENT_NAME`` (its project's experiment). ``import mlflow``
works with these as they are; this module makes the same calls with the
standard library only::

    from ml_platform import tracking

    with tracking.start_run(run_name="baseline"):
        tracking.log_params({"alpha": 0.5, "epochs": 10})
        for epoch in range(10):
            tracking.log_metric("loss", 1 / (epoch + 1), step=epoch)
        tracking.log_artifact("model.pkl")

Runs it starts are tagged with the workload that made them, so the job run
page links them.
"""

import json
import math
import os
import time

_MAX_METRICS_PER_BATCH = 1000
_MAX_PARAMS_PER_BATCH = 100


class MlflowApiError(Exception):
    """The tracking API refused a call: ``error_code`` is MLflow's code."""

    def __init__(self, status, error_code, message):
        super().__init__(f"{status} {error_code}: {message}")
        self.status = status
        self.error_code = error_code
        self.message = message


def _tracking_uri():
    uri = os.environ.get("MLFLOW_TRACKING_URI")
    if not uri:
        raise RuntimeError("MLFLOW_TRACKING_URI is not set: the platform sets it in every workload")
    return uri.rstrip("/")


def _request(method, url, body=None, data=None, content_type=None):
    # Imported here: every workload imports the package, few track.
    import urllib.error
    import urllib.request

    if body is not None:
        data = json.dumps(body).encode("utf-8")
        content_type = "application/json"
    request = urllib.request.Request(url, data=data, method=method)
    if content_type:
        request.add_header("Content-Type", content_type)
    token = os.environ.get("MLFLOW_TRACKING_TOKEN")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        text = error.read().decode("utf-8", "replace")
        try:
            answer = json.loads(text)
            code, message = answer.get("error_code", "UNKNOWN"), answer.get("message", text)
        except ValueError:
            code, message = "UNKNOWN", text[:500]
        raise MlflowApiError(error.code, code, message) from None
    return json.loads(text) if text else {}


def call(method, endpoint, body=None, query=None):
    """One call of MLflow's REST API, e.g. ``call("POST", "runs/create", {...})``."""
    import urllib.parse

    url = f"{_tracking_uri()}/api/2.0/mlflow/{endpoint}"
    if query:
        url += "?" + urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})
    return _request(method, url, body=body)


def _now_ms():
    return int(time.time() * 1000)


def _double(value):
    """A metric value as MLflow's JSON spells it (strict JSON has no NaN)."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


class Run:
    """A run being tracked; as a context manager it ends FINISHED, or FAILED on an exception."""

    def __init__(self, info):
        self.run_id = info["run_id"]
        self.experiment_id = info["experiment_id"]
        self.artifact_uri = info["artifact_uri"]
        self.name = info.get("run_name", "")

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        end_run("FAILED" if exc_type else "FINISHED")
        return False

    def __repr__(self):
        return f"Run(run_id={self.run_id!r}, name={self.name!r})"


_active = None


def experiment_id(name=None):
    """The id of the experiment of that name (default: ``MLFLOW_EXPERIMENT_NAME``), created if missing."""
    name = name or os.environ.get("MLFLOW_EXPERIMENT_NAME")
    if not name:
        raise RuntimeError("Name an experiment, or set MLFLOW_EXPERIMENT_NAME")
    try:
        return call("GET", "experiments/get-by-name", query={"experiment_name": name})["experiment"]["experiment_id"]
    except MlflowApiError as error:
        if error.error_code != "RESOURCE_DOES_NOT_EXIST":
            raise
    return call("POST", "experiments/create", {"name": name})["experiment_id"]


def start_run(run_name=None, experiment_name=None, tags=None):
    """Starts a run in the experiment and makes it the active one."""
    global _active
    if _active is not None:
        raise RuntimeError(f"Run {_active.run_id} is still active: end it first (end_run)")
    body = {
        "experiment_id": experiment_id(experiment_name),
        "start_time": _now_ms(),
        "tags": [{"key": str(k), "value": str(v)} for k, v in (tags or {}).items()],
    }
    if run_name:
        body["run_name"] = run_name
    _active = Run(call("POST", "runs/create", body)["run"]["info"])
    return _active


def active_run():
    """The active run, or None."""
    return _active


def _run_id():
    if _active is None:
        raise RuntimeError("No active run: call start_run() first")
    return _active.run_id


def end_run(status="FINISHED"):
    """Ends the active run with a status (FINISHED, FAILED or KILLED)."""
    global _active
    if _active is None:
        return
    run_id, _active = _active.run_id, None
    call("POST", "runs/update", {"run_id": run_id, "status": status, "end_time": _now_ms()})


def log_param(key, value):
    log_params({key: value})


def log_params(params):
    """Logs params; a param that is set keeps its value (sending the same one again is fine)."""
    items = [{"key": str(k), "value": str(v)} for k, v in params.items()]
    for i in range(0, len(items), _MAX_PARAMS_PER_BATCH):
        call("POST", "runs/log-batch", {"run_id": _run_id(), "params": items[i : i + _MAX_PARAMS_PER_BATCH]})


def log_metric(key, value, step=None):
    log_metrics({key: value}, step=step)


def log_metrics(metrics, step=None):
    """Logs metric values at a step (default 0), timestamped now."""
    now = _now_ms()
    items = [
        {"key": str(k), "value": _double(v), "timestamp": now, "step": int(step or 0)} for k, v in metrics.items()
    ]
    for i in range(0, len(items), _MAX_METRICS_PER_BATCH):
        call("POST", "runs/log-batch", {"run_id": _run_id(), "metrics": items[i : i + _MAX_METRICS_PER_BATCH]})


def set_tag(key, value):
    call("POST", "runs/set-tag", {"run_id": _run_id(), "key": str(key), "value": str(value)})


def log_artifact(local_path, artifact_path=None):
    """Uploads a file to the active run's artifacts, under ``artifact_path`` if given."""
    import urllib.parse

    _run_id()
    prefix = "mlflow-artifacts:/"
    if not _active.artifact_uri.startswith(prefix):
        raise RuntimeError(f"Cannot upload to artifact location {_active.artifact_uri}")
    parts = [_active.artifact_uri[len(prefix) :].strip("/")]
    if artifact_path:
        parts.append(artifact_path.strip("/"))
    parts.append(os.path.basename(local_path))
    url = f"{_tracking_uri()}/api/2.0/mlflow-artifacts/artifacts/" + urllib.parse.quote("/".join(parts))
    with open(local_path, "rb") as handle:
        _request("PUT", url, data=handle.read(), content_type="application/octet-stream")
