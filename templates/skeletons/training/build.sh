#!/usr/bin/env bash
# Runs in every model build (the platform's build step, like CML's cdsw-build.sh):
# training here puts a fresh model.json into the build's snapshot.
set -euo pipefail
python3 train.py
python3 evaluate.py
