"""Fits price = slope * size + intercept by ordinary least squares and writes model.json."""

import json
import os
import sys
from datetime import datetime, timezone

from data import flats

MODEL_FILE = os.environ.get("MODEL_FILE", "model.json")


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


def main():
    rows = flats(int(os.environ.get("TRAIN_ROWS", "500")), seed=1)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
