#!/usr/bin/env bash
# Runs in every model build (the platform's build step, like CML's cdsw-build.sh).
# A build from the model registry has the registered version's model folder in
# $ML_MODEL_ARTIFACTS: that model is served, so it is only checked here, not
# retrained. Any other build trains here, so its snapshot has a fresh model.json.
set -euo pipefail
if [[ -n "${ML_MODEL_ARTIFACTS:-}" ]]; then
  MODEL_FILE="$ML_MODEL_ARTIFACTS/model.json" python3 evaluate.py
else
  python3 train.py
  python3 evaluate.py
fi
