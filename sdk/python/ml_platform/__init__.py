"""The ML platform's in-workload SDK.

Workloads (sessions, jobs, models, applications) find this package on their
PYTHONPATH: the compute driver puts it there. Modules:

- ``ml_platform.session_kernel``: the code runner behind a session's console
  (``python -m ml_platform.session_kernel``).
- ``ml_platform.metrics``: ``track_metric``, ``track_delayed_metrics``,
  ``track_aggregate_metrics``, ``read_metrics`` (model monitoring).
- ``ml_platform.models``: the ``model`` decorator and ``call_model``.
- ``ml_platform.tracking``: ``start_run``, ``log_param(s)``, ``log_metric(s)``,
  ``log_artifact``, ``set_tag``, ``end_run`` on the platform's MLflow API
  (for runtimes without the ``mlflow`` package).

Standard library only, so it works in any runtime image without installing
anything.
"""

from ml_platform._api import MlApiError
from ml_platform.metrics import (
    read_metrics,
    track_aggregate_metrics,
    track_delayed_metrics,
    track_metric,
    track_metrics,
)
from ml_platform.models import call_model, model

__all__ = [
    "MlApiError",
    "call_model",
    "model",
    "read_metrics",
    "track_aggregate_metrics",
    "track_delayed_metrics",
    "track_metric",
    "track_metrics",
]
