import {
  classificationQuality,
  regressionQuality,
  regressionSums,
} from './qualityMetrics';

describe('regressionQuality', () => {
  it('computes MAE, RMSE and MAPE, leaving truth 0 out of MAPE', () => {
    // Errors 1, 0, -2, 0; the last pair's truth is 0.
    const sums = regressionSums([
      { prediction: 3, truth: 2 },
      { prediction: 5, truth: 5 },
      { prediction: 2, truth: 4 },
      { prediction: 0, truth: 0 },
    ]);
    expect(sums).toEqual({
      count: 4,
      sumAbsError: 3,
      sumSquaredError: 5,
      sumAbsPercentError: 1,
      nonZeroTruthCount: 3,
    });
    const quality = regressionQuality(sums);
    expect(quality.mae).toBe(0.75);
    expect(quality.rmse).toBeCloseTo(Math.sqrt(1.25), 12);
    // (1/2 + 0 + 2/4) / 3 pairs, in percent.
    expect(quality.mape).toBeCloseTo(100 / 3, 12);
  });

  it('has no MAPE when every truth is 0, and nothing without pairs', () => {
    const quality = regressionQuality(
      regressionSums([{ prediction: 2, truth: 0 }]),
    );
    expect(quality).toEqual({ mae: 2, rmse: 2, mape: undefined });
    expect(regressionQuality(regressionSums([]))).toEqual({});
  });
});

describe('classificationQuality', () => {
  it('computes accuracy and macro precision, recall and F1', () => {
    // truth    0 0 1 1 2 2 2
    // predicted 0 1 1 1 2 0 2
    // label 0: P 1/2, R 1/2, F1 1/2; label 1: P 2/3, R 1, F1 0.8;
    // label 2: P 1, R 2/3, F1 0.8.
    const quality = classificationQuality([
      { prediction: 0, truth: 0, count: 1 },
      { prediction: 1, truth: 0, count: 1 },
      { prediction: 1, truth: 1, count: 2 },
      { prediction: 2, truth: 2, count: 2 },
      { prediction: 0, truth: 2, count: 1 },
    ]);
    expect(quality.accuracy).toBeCloseTo(5 / 7, 12);
    expect(quality.precision).toBeCloseTo((0.5 + 2 / 3 + 1) / 3, 12);
    expect(quality.recall).toBeCloseTo((0.5 + 1 + 2 / 3) / 3, 12);
    expect(quality.f1).toBeCloseTo(0.7, 12);
  });

  it('counts a label only ever predicted with precision and recall 0', () => {
    const quality = classificationQuality([
      { prediction: 1, truth: 1, count: 3 },
      { prediction: 9, truth: 1, count: 1 },
    ]);
    expect(quality.accuracy).toBe(0.75);
    // label 1: P 1, R 3/4; label 9: P 0, R 0.
    expect(quality.precision).toBe(0.5);
    expect(quality.recall).toBe(0.375);
    expect(quality.f1).toBeCloseTo((2 * 0.75) / 1.75 / 2, 12);
    expect(classificationQuality([])).toEqual({});
  });
});
