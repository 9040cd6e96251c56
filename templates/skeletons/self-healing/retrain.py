"""The retraining job a drift monitor starts: fits the model on recent ground truth.

It reads the deployed model's recent predictions with the ground truth that
came for them (``read_metrics``), fits a new line on the older three
quarters, scores it on the newest quarter and writes model.json. The job
declares a candidate build of the model, so when it succeeds the platform
builds the project as it left it; its promotion policy compares the ``mae``
written to ``ML_CANDIDATE_METRICS_FILE`` with the active build's and
deploys the candidate only if it is better.

The monitor's window is in ``ML_MONITOR_WINDOW_START``; run by hand, the
job reads the last ``LOOKBACK_MINUTES`` (default 10).
"""

import json
import os
import sys
import time
from datetime import datetime, timezone

from monitoring import SIZE_METRIC, TRUTH_METRIC
from train import mean_absolute_error, write_model

MIN_ROWS = int(os.environ.get("MIN_ROWS", "20"))


def since_ms():
    start = os.environ.get("ML_MONITOR_WINDOW_START")
    if start:
        return int(datetime.fromisoformat(start.replace("Z", "+00:00")).timestamp() * 1000)
    return int((time.time() - 60 * float(os.environ.get("LOOKBACK_MINUTES", "10"))) * 1000)


def labelled_rows(model_id):
    """(size, actual price) of the recent predictions that have their truth, oldest first."""
    from ml_platform import read_metrics

    rows = []
    for entry in read_metrics(model=model_id, start=since_ms()):
        truth = (entry.get("delayedMetrics") or {}).get(TRUTH_METRIC)
        size = (entry.get("metrics") or {}).get(SIZE_METRIC)
        if truth is not None and size is not None:
            rows.append((float(size), float(truth)))
    return rows


def main():
    model_id = os.environ.get("ML_MODEL_ID") or os.environ["MODEL_ID"]
    rows = labelled_rows(model_id)
    print(f"{len(rows)} predictions with ground truth since the window started")
    if len(rows) < MIN_ROWS:
        print(f"fewer than {MIN_ROWS}: not enough ground truth to retrain on", file=sys.stderr)
        return 1
    cut = len(rows) * 3 // 4
    train_rows, holdout = rows[:cut], rows[cut:]
    model = write_model(train_rows, f"{len(train_rows)} recent predictions' ground truth")
    mae = mean_absolute_error(holdout, model["slope"], model["intercept"])
    print(f"holdout mae={mae:.0f} on {len(holdout)} rows")
    metrics_file = os.environ.get("ML_CANDIDATE_METRICS_FILE")
    if metrics_file:
        os.makedirs(os.path.dirname(metrics_file) or ".", exist_ok=True)
        with open(metrics_file, "w", encoding="utf-8") as f:
            json.dump({"mae": mae, "rows": len(train_rows)}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
