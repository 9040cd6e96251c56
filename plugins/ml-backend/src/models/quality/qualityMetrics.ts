/**
 * Quality of a model's predictions against their delayed truth, from the
 * sums the store aggregates (regression) or the (prediction, truth) label
 * counts it groups (classification).
 */

/** Sums of a window's regression errors, as the store computes them in SQL. */
export interface RegressionSums {
  count: number;
  sumAbsError: number;
  sumSquaredError: number;
  /** Σ |error / truth| over the pairs whose truth is not 0. */
  sumAbsPercentError: number;
  nonZeroTruthCount: number;
}

export interface RegressionQuality {
  mae?: number;
  rmse?: number;
  /** Percent; pairs whose truth is 0 are left out. */
  mape?: number;
}

export function regressionQuality(sums: RegressionSums): RegressionQuality {
  if (sums.count === 0) return {};
  return {
    mae: sums.sumAbsError / sums.count,
    rmse: Math.sqrt(sums.sumSquaredError / sums.count),
    mape:
      sums.nonZeroTruthCount > 0
        ? (100 * sums.sumAbsPercentError) / sums.nonZeroTruthCount
        : undefined,
  };
}

/** The sums of {@link RegressionSums} over pairs, for callers holding them. */
export function regressionSums(
  pairs: Array<{ prediction: number; truth: number }>,
): RegressionSums {
  const sums: RegressionSums = {
    count: 0,
    sumAbsError: 0,
    sumSquaredError: 0,
    sumAbsPercentError: 0,
    nonZeroTruthCount: 0,
  };
  for (const { prediction, truth } of pairs) {
    const error = prediction - truth;
    sums.count += 1;
    sums.sumAbsError += Math.abs(error);
    sums.sumSquaredError += error * error;
    if (truth !== 0) {
      sums.sumAbsPercentError += Math.abs(error / truth);
      sums.nonZeroTruthCount += 1;
    }
  }
  return sums;
}

/** How often a (prediction, truth) label pair occurred. */
export interface LabelPairCount {
  prediction: number;
  truth: number;
  count: number;
}

export interface ClassificationQuality {
  accuracy?: number;
  precision?: number;
  recall?: number;
  f1?: number;
}

/**
 * Accuracy and macro precision, recall and F1 over the labels seen as a
 * prediction or a truth (scikit-learn's `average='macro'` with
 * `zero_division=0`: a label never predicted has precision 0). Macro F1 is
 * the mean of the per-label F1 scores, as scikit-learn computes it.
 */
export function classificationQuality(
  pairs: LabelPairCount[],
): ClassificationQuality {
  let total = 0;
  let correct = 0;
  const truePositives = new Map<number, number>();
  const predicted = new Map<number, number>();
  const actual = new Map<number, number>();
  const add = (map: Map<number, number>, label: number, n: number) =>
    map.set(label, (map.get(label) ?? 0) + n);
  for (const { prediction, truth, count } of pairs) {
    total += count;
    add(predicted, prediction, count);
    add(actual, truth, count);
    if (prediction === truth) {
      correct += count;
      add(truePositives, truth, count);
    }
  }
  if (total === 0) return {};
  const labels = new Set([...predicted.keys(), ...actual.keys()]);
  let precision = 0;
  let recall = 0;
  let f1 = 0;
  for (const label of labels) {
    const tp = truePositives.get(label) ?? 0;
    const p = tp > 0 ? tp / predicted.get(label)! : 0;
    const r = tp > 0 ? tp / actual.get(label)! : 0;
    precision += p;
    recall += r;
    f1 += p + r > 0 ? (2 * p * r) / (p + r) : 0;
  }
  return {
    accuracy: correct / total,
    precision: precision / labels.size,
    recall: recall / labels.size,
    f1: f1 / labels.size,
  };
}
