"""What the model is monitored on: the names model.py, simulate.py and retrain.py share.

The template's monitoring settings (and lineage.yaml) say the same.
"""

# The request fields drift is computed for.
FEATURES = {"size": "numeric"}
# The tracked metric holding each prediction.
PREDICTION_METRIC = "price"
# The delayed metric holding its ground truth.
TRUTH_METRIC = "actual_price"
# Tracked too, so retrain.py reads each prediction's input back with its truth.
SIZE_METRIC = "size"
