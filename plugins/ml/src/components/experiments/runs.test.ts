import { mlflowRun, mlflowRunId } from '../../__testUtils__';
import {
  formatMetric,
  isSystemTag,
  projectExperimentsFilter,
  runDuration,
  runName,
  runSource,
  searchKey,
  valueColumnsOf,
} from './runs';

describe('experiment runs', () => {
  it("filters a project's experiments by its tag, quotes escaped", () => {
    expect(projectExperimentsFilter('p-1')).toBe(
      "tags.`ml.project_id` = 'p-1'",
    );
    expect(projectExperimentsFilter("x' or '1")).toBe(
      "tags.`ml.project_id` = 'x\\' or \\'1'",
    );
  });

  it('backquotes keys that are not plain names', () => {
    expect(searchKey('params', 'lr')).toBe('params.lr');
    expect(searchKey('metrics', 'val loss')).toBe('metrics.`val loss`');
    expect(searchKey('metrics', 'a.b')).toBe('metrics.`a.b`');
  });

  it('names a run by its name, its runName tag, else its id', () => {
    const id = mlflowRunId(255);
    expect(runName(mlflowRun({ id, name: 'baseline' }))).toBe('baseline');
    expect(runName(mlflowRun({ id, tags: { 'mlflow.runName': 'tag' } }))).toBe(
      'tag',
    );
    expect(runName(mlflowRun({ id }))).toBe(id.slice(0, 8));
  });

  it('finds the job run or the session that made a run', () => {
    const id = mlflowRunId(1);
    expect(
      runSource(
        mlflowRun({
          id,
          tags: {
            'ml.workload_id': 'w-1',
            'ml.job_id': 'j-1',
            'ml.job_run_number': '4',
          },
        }),
      ),
    ).toEqual({ kind: 'job', jobId: 'j-1', workloadId: 'w-1', runNumber: '4' });
    expect(
      runSource(mlflowRun({ id, tags: { 'ml.workload_id': 's-1' } })),
    ).toEqual({ kind: 'session', workloadId: 's-1' });
    expect(runSource(mlflowRun({ id }))).toBeUndefined();
  });

  it('times a finished run, and a running one until now', () => {
    const id = mlflowRunId(1);
    expect(runDuration(mlflowRun({ id }))).toBe('1 min 35 s');
    const running = mlflowRun({
      id,
      info: { status: 'RUNNING', start_time: 1000, end_time: undefined },
    });
    expect(runDuration(running, 31_000)).toBe('30 s');
  });

  it('lists param keys, then metric keys, each once and sorted', () => {
    const runs = [
      mlflowRun({ id: '1', params: { b: '1', a: '2' }, metrics: { m: 1 } }),
      mlflowRun({ id: '2', params: { a: '3' }, metrics: { l: 1 } }),
    ];
    expect(valueColumnsOf(runs)).toEqual([
      { kind: 'params', key: 'a' },
      { kind: 'params', key: 'b' },
      { kind: 'metrics', key: 'l' },
      { kind: 'metrics', key: 'm' },
    ]);
  });

  it('tells system tags and shortens metric values', () => {
    expect(isSystemTag('mlflow.user')).toBe(true);
    expect(isSystemTag('ml.job_id')).toBe(true);
    expect(isSystemTag('team')).toBe(false);
    expect(formatMetric(0.123456789)).toBe('0.123457');
    expect(formatMetric(42)).toBe('42');
    expect(formatMetric(NaN)).toBe('NaN');
  });
});
