"""Serving helpers: the ``model`` decorator and ``call_model``.

- ``@model`` wraps a model function so that each prediction answers
  ``{"uuid": ..., "prediction": ...}`` (as CML's ``cdsw.model_metrics``): the
  uuid is the platform's prediction id, the key for
  ``track_delayed_metrics``. Called outside the model server, it makes a new
  uuid.
- ``call_model(model_or_access_key, request)`` calls a deployed model
  through the platform, as any client would.

Standard library only.
"""

import functools
import os

from ml_platform import _api, _context

ACCESS_KEY_PREFIX = "mk_"


def model(function):
    """Makes each prediction of ``function`` answer ``{"uuid", "prediction"}``."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        prediction_id = _context.current_prediction_id()
        if not prediction_id:
            import uuid

            prediction_id = str(uuid.uuid4())
        return {"uuid": prediction_id, "prediction": function(*args, **kwargs)}

    return wrapper


def call_model(model_or_access_key, request, access_key=None, project=None, timeout=60):
    """Calls a deployed model and returns the platform's answer.

    With an access key (``mk_...``) it uses CML's ``POST /model``. With a
    model name or id it calls ``/projects/<project>/models/<model>/predict``
    of this workload's project (or ``project``), with ``access_key`` when
    the model needs one. The answer is ``{"success", "response" or "error",
    "uuid", "replica", "timing"}``; a refusal raises ``MlApiError``.
    """
    if str(model_or_access_key).startswith(ACCESS_KEY_PREFIX):
        return _api.call(
            "POST", "/model", {"accessKey": model_or_access_key, "request": request}, timeout=timeout
        )
    import urllib.parse

    project_id = project or os.environ.get("ML_PROJECT_ID")
    if not project_id:
        raise RuntimeError("Name the model's project (project=...) or call with an access key")
    path = "/projects/{}/models/{}/predict".format(
        urllib.parse.quote(str(project_id), safe=""), urllib.parse.quote(str(model_or_access_key), safe="")
    )
    return _api.call("POST", path, request, token=access_key, timeout=timeout)
