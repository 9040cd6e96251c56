"""Fits price = slope * size + intercept by ordinary least squares and writes model.json.

In the platform (MLFLOW_TRACKING_URI is set in every workload) the run is
also logged to the project's MLflow experiment: its parameters, metrics and
the model folder ``model`` (model.json plus an MLmodel file), which the
template registers in the model registry and builds from.
"""

import json
import os
import shutil
import sys
import tempfile
from datetime import datetime, timezone

from data import flats

MODEL_FILE = os.environ.get("MODEL_FILE", "model.json")
SEED = 1

# Where the model folder goes in the run's artifacts (ml:model:register's default).
ARTIFACT_PATH = "model"

# MLflow's model format. The python_function flavor names model.py's
# _load_pyfunc as the loader of model.json, so the platform's pyfunc wrapper
# (or mlflow.pyfunc.load_model) can serve the folder without model.py's predict.
MLMODEL = """artifact_path: model
flavors:
  python_function:
    loader_module: model
    data: model.json
"""


def least_squares(rows):
    n = len(rows)
    mean_x = sum(x for x, _ in rows) / n
    mean_y = sum(y for _, y in rows) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in rows)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in rows)
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def r_squared(rows, slope, intercept):
    mean_y = sum(y for _, y in rows) / len(rows)
    total = sum((y - mean_y) ** 2 for _, y in rows)
    residual = sum((y - (slope * x + intercept)) ** 2 for x, y in rows)
    return 1 - residual / total


def log_to_mlflow(model):
    """Logs the training as an MLflow run; returns its id (None outside the platform)."""
    if not os.environ.get("MLFLOW_TRACKING_URI"):
        return None
    # Imported here: evaluate.py imports this file and tracks nothing.
    from ml_platform import tracking

    with tracking.start_run(run_name=f"least-squares-{model['rows']}-rows") as run:
        tracking.log_params({"rows": model["rows"], "seed": SEED, "method": "least_squares"})
        tracking.log_metrics({"r2": model["trainR2"], "slope": model["slope"], "intercept": model["intercept"]})
        with tempfile.TemporaryDirectory() as folder:
            shutil.copyfile(MODEL_FILE, os.path.join(folder, "model.json"))
            with open(os.path.join(folder, "MLmodel"), "w", encoding="utf-8") as f:
                f.write(MLMODEL)
            for name in ("model.json", "MLmodel"):
                tracking.log_artifact(os.path.join(folder, name), artifact_path=ARTIFACT_PATH)
    return run.run_id


def main():
    rows = flats(int(os.environ.get("TRAIN_ROWS", "500")), seed=SEED)
    slope, intercept = least_squares(rows)
    model = {
        "slope": slope,
        "intercept": intercept,
        "trainR2": r_squared(rows, slope, intercept),
        "rows": len(rows),
        "trainedAt": datetime.now(timezone.utc).isoformat(),
    }
    with open(MODEL_FILE, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=2)
    print(f"slope={slope:.2f} intercept={intercept:.2f} r2={model['trainR2']:.4f} -> {MODEL_FILE}")
    run_id = log_to_mlflow(model)
    if run_id:
        print(f"logged MLflow run {run_id} (model folder '{ARTIFACT_PATH}')")
    return 0


if __name__ == "__main__":
    sys.exit(main())
