import { churnMetrics } from '../testing/fixtures';
import {
  METRICS_RANGES,
  accuracySeries,
  metricNames,
  rangeQuery,
  trafficSeries,
  usageSeries,
} from './modelMetrics';

describe('modelMetrics', () => {
  it('asks for the chosen range ending now', () => {
    const now = Date.parse('2026-01-12T11:00:00.000Z');
    expect(rangeQuery(METRICS_RANGES[1], now)).toEqual({
      from: '2026-01-12T10:00:00.000Z',
      to: '2026-01-12T11:00:00.000Z',
      stepSeconds: 60,
    });
  });

  it('starts the range on a step boundary, so whole hours match the rollups', () => {
    const now = Date.parse('2026-01-12T11:20:30.000Z');
    expect(rangeQuery(METRICS_RANGES[2], now)).toEqual({
      from: '2026-01-11T11:00:00.000Z',
      to: '2026-01-12T11:20:30.000Z',
      stepSeconds: 3600,
    });
    expect(rangeQuery(METRICS_RANGES[1], now).from).toBe(
      '2026-01-12T10:20:00.000Z',
    );
  });

  it('turns buckets into throughput, error rate and latency points', () => {
    const [first, second] = trafficSeries(churnMetrics);
    expect(first).toEqual({
      time: Date.parse('2026-01-12T10:00:00.000Z'),
      requests: 120,
      throughput: 2,
      errors: 6,
      errorRate: 5,
      p50: 4,
      p95: 9,
      p99: 15,
    });
    expect(second.errorRate).toBe(0);
    expect(
      trafficSeries({
        ...churnMetrics,
        buckets: [{ ...churnMetrics.buckets[0], requests: 0, errors: 0 }],
      })[0].errorRate,
    ).toBe(0);
  });

  it('pivots usage samples to one row per time with a column per replica', () => {
    const { replicas, points } = usageSeries(churnMetrics);
    expect(replicas).toEqual([0, 1]);
    expect(points).toEqual([
      {
        time: Date.parse('2026-01-12T10:00:00.000Z'),
        cpu_0: 0.25,
        memory_0: 120,
        cpu_1: 0.5,
        memory_1: 140,
      },
      {
        time: Date.parse('2026-01-12T10:01:00.000Z'),
        cpu_0: 0.3,
        memory_0: 121,
      },
    ]);
  });

  it('lists metric names and pairs a tracked with a delayed metric', () => {
    expect(metricNames(churnMetrics)).toEqual({
      tracked: ['score'],
      delayed: ['actual'],
    });
    expect(accuracySeries(churnMetrics, 'score', 'actual')).toEqual([
      {
        time: Date.parse('2026-01-12T10:00:00.000Z'),
        tracked: 0.7,
        delayed: 0.6,
      },
      {
        time: Date.parse('2026-01-12T10:01:00.000Z'),
        tracked: 0.5,
        delayed: undefined,
      },
    ]);
    expect(accuracySeries(churnMetrics, 'nothing', 'none')).toEqual([]);
  });
});
