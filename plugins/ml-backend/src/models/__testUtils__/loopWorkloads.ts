/**
 * The python workloads of the MLOps loop test (mlopsLoop.test.ts): a model
 * serving y = weight * x, its retraining job, a job sending delayed truth,
 * and a client calling the model.
 */

/** Serves y = weight * x with the weight its training wrote. */
export const MODEL = `import json, os
import ml_platform

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights.json")) as f:
    WEIGHT = json.load(f)["weight"]

def predict(args):
    y = WEIGHT * float(args["x"])
    ml_platform.track_metric("prediction", y)
    return {"y": y}
`;

/**
 * Retrains: fits the weight to the labelled points of retrain.json by least
 * squares, measures the RMSE on its holdout points, writes the weight for the
 * next build and the RMSE where the promotion reads it. It prints the
 * monitor's env it was started with.
 */
export const TRAIN = `import json, math, os

with open("retrain.json") as f:
    data = json.load(f)
train, holdout = data["train"], data["holdout"]
weight = sum(x * y for x, y in train) / sum(x * x for x, _ in train)
rmse = math.sqrt(sum((weight * x - y) ** 2 for x, y in holdout) / len(holdout))
with open("weights.json", "w") as f:
    json.dump({"weight": weight}, f)
path = os.environ["ML_CANDIDATE_METRICS_FILE"]
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as f:
    json.dump({"rmse": rmse}, f)
seen = {k: v for k, v in os.environ.items() if k.startswith("ML_MONITOR_") or k in ("ML_MODEL_ID", "ML_MODEL_NAME")}
print("MONITOR_ENV " + json.dumps(seen))
print("TRAINED " + json.dumps({"weight": weight, "rmse": rmse}))
`;

/** The model's monitoring settings, as a build reads them. */
export const LINEAGE = `scaler:
  monitoring:
    task: regression
    prediction: prediction
    truth: actual
    features: [{ name: x, type: numeric }]
`;

/** Sends each prediction's delayed truth (env TRUTH: {uuid: actual}). */
export const LABEL = `import json, os
import ml_platform

for uuid, actual in json.loads(os.environ["TRUTH"]).items():
    ml_platform.track_delayed_metrics({"actual": actual}, uuid)
print("LABELLED")
`;

/** Points on y = weight * x, with `noise` added to every other y. */
export const points = (weight: number, noise: number, from: number) =>
  Array.from({ length: 8 }, (_, i) => {
    const x = from + i;
    return [x, weight * x + (i % 2 ? noise : -noise)];
  });

/**
 * A client sending drifted inputs (x around 50) until stopped, one after
 * the other, as a service calling the model would; it counts what failed.
 */
export const startClient = (
  predict: (x: number) => Promise<{ status: number; body: any }>,
) => {
  let stopped = false;
  const failures: string[] = [];
  let sent = 0;
  const done = (async () => {
    while (!stopped) {
      const x = 50 + (sent % 10);
      sent += 1;
      const res = await predict(x).catch(error => ({
        status: 0,
        body: { error: String(error) },
      }));
      if (res.status !== 200 || res.body.success !== true) {
        failures.push(`${res.status} ${JSON.stringify(res.body)}`);
      }
      await new Promise(r => setTimeout(r, 50));
    }
  })();
  return {
    failures,
    sent: () => sent,
    async stop() {
      stopped = true;
      await done;
    },
  };
};
