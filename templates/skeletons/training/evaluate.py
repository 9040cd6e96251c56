"""Scores model.json on held-out data; exits 1 when R² is below MIN_R2."""

import json
import os
import sys

from data import flats
from train import MODEL_FILE, r_squared


def main():
    if not os.path.exists(MODEL_FILE):
        print(f"{MODEL_FILE} is missing: run train.py first", file=sys.stderr)
        return 1
    with open(MODEL_FILE, encoding="utf-8") as f:
        model = json.load(f)
    holdout = flats(200, seed=2)
    score = r_squared(holdout, model["slope"], model["intercept"])
    minimum = float(os.environ.get("MIN_R2", "0.9"))
    print(f"holdout r2={score:.4f} (minimum {minimum})")
    if score < minimum:
        print("the model is not good enough", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
