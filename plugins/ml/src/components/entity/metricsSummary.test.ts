import { churnMetrics } from '../../testing/fixtures';
import { summarizeMetrics } from './metricsSummary';

describe('summarizeMetrics', () => {
  it('sums requests and errors and takes p95 from the newest bucket with traffic', () => {
    expect(summarizeMetrics(churnMetrics)).toEqual({
      requests: 180,
      errors: 6,
      latestP95Ms: 11,
    });
  });

  it('has no p95 without traffic', () => {
    const quiet = {
      ...churnMetrics,
      buckets: [
        {
          ...churnMetrics.buckets[0],
          requests: 0,
          errors: 0,
          p95Ms: undefined,
        },
      ],
    };
    expect(summarizeMetrics(quiet)).toEqual({
      requests: 0,
      errors: 0,
      latestP95Ms: undefined,
    });
  });
});
