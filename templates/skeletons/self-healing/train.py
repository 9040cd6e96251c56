"""Fits price = slope * size + intercept by least squares on data/flats.csv and writes model.json.

The first build runs this (build.sh); retrain.py fits the same line on the
ground truth the deployed model collected.
"""

import json
import os
import sys
from datetime import datetime, timezone

from data import read_csv

MODEL_FILE = os.environ.get("MODEL_FILE", "model.json")
DATASET = "data/flats.csv"


def least_squares(rows):
    n = len(rows)
    mean_x = sum(x for x, _ in rows) / n
    mean_y = sum(y for _, y in rows) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in rows)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in rows)
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def mean_absolute_error(rows, slope, intercept):
    return sum(abs(y - (slope * x + intercept)) for x, y in rows) / len(rows)


def write_model(rows, trained_on):
    """Fits ``rows`` and writes model.json; returns the model."""
    slope, intercept = least_squares(rows)
    model = {
        "slope": slope,
        "intercept": intercept,
        "rows": len(rows),
        "trainedOn": trained_on,
        "trainedAt": datetime.now(timezone.utc).isoformat(),
    }
    with open(MODEL_FILE, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=2)
    print(f"slope={slope:.2f} intercept={intercept:.2f} on {len(rows)} rows ({trained_on}) -> {MODEL_FILE}")
    return model


def main():
    rows = read_csv(DATASET)
    model = write_model(rows, DATASET)
    mae = mean_absolute_error(rows, model["slope"], model["intercept"])
    print(f"training mae={mae:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
