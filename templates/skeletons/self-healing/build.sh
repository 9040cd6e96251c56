#!/usr/bin/env bash
# Runs in every model build. The first build trains model.json from
# data/flats.csv; a candidate build of retrain.py already has the model.json
# the retraining wrote, and serves that.
set -euo pipefail
if [[ ! -f model.json ]]; then
  python3 train.py
fi
