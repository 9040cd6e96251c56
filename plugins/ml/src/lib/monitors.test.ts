import { PREDICTION_FEATURE } from '@ml-platform/plugin-ml-common';
import {
  createMonitorRequest,
  describeMetric,
  formatSeconds,
  monitorFormProblems,
  monitorFormValues,
  updateMonitorRequest,
} from './monitors';

describe('monitors', () => {
  it('says what a monitor watches', () => {
    expect(describeMetric({ kind: 'quality', name: 'mae' })).toBe(
      'quality mae',
    );
    expect(
      describeMetric({
        kind: 'drift',
        feature: PREDICTION_FEATURE,
        statistic: 'ks',
      }),
    ).toBe('drift ks of the prediction');
    expect(
      describeMetric({ kind: 'drift', feature: 'tenure', statistic: 'psi' }),
    ).toBe('drift psi of tenure');
  });

  it('shows seconds in the largest whole unit', () => {
    expect(formatSeconds(3600)).toBe('1h');
    expect(formatSeconds(7 * 86400)).toBe('7d');
    expect(formatSeconds(300)).toBe('5min');
    expect(formatSeconds(90)).toBe('90s');
  });

  it('refuses what the API would refuse', () => {
    const values = {
      ...monitorFormValues(),
      name: 'Bad Name',
      threshold: 'x',
      windowSeconds: '30',
    };
    const problems = monitorFormProblems(values);
    expect(problems.name).toBeTruthy();
    expect(problems.metricName).toBeTruthy();
    expect(problems.threshold).toBeTruthy();
    expect(problems.windowSeconds).toBeTruthy();
    expect(problems.minSamples).toBeFalsy();
  });

  it('makes a drift monitor of feature and statistic, without a name', () => {
    const values = {
      ...monitorFormValues(),
      name: 'tenure-drift',
      kind: 'drift' as const,
      metricName: 'mae',
      feature: 'tenure',
      statistic: 'ks' as const,
      threshold: '0.2',
    };
    expect(Object.values(monitorFormProblems(values)).some(Boolean)).toBe(
      false,
    );
    expect(createMonitorRequest(values)).toEqual({
      name: 'tenure-drift',
      metric: { kind: 'drift', feature: 'tenure', statistic: 'ks' },
      windowSeconds: 3600,
      threshold: 0.2,
      direction: 'above',
      minSamples: 30,
      cooldownSeconds: 86400,
      enabled: true,
    });
  });

  it('clears the trigger job of an edited monitor left without one', () => {
    const values = {
      ...monitorFormValues(),
      name: 'mae-high',
      metricName: 'mae',
      threshold: '2',
    };
    expect(updateMonitorRequest(values).triggerJobId).toBeNull();
    expect(
      createMonitorRequest({ ...values, triggerJobId: 'j-1' }).triggerJobId,
    ).toBe('j-1');
  });
});
