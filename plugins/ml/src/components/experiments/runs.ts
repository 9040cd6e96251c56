import { MlflowRun, MlflowRunStatus, MlflowTag } from '../../api';
import { formatDuration, formatTime } from '../../lib/workloads';
import { StatusLook } from '../StatusChip';

/** The tag every experiment of the platform carries: its project's id. */
export const PROJECT_TAG = 'ml.project_id';

export const RUN_STATUS_LOOKS: Record<MlflowRunStatus, StatusLook> = {
  SCHEDULED: { label: 'Scheduled', kind: 'pending' },
  RUNNING: { label: 'Running', kind: 'running' },
  FINISHED: { label: 'Finished', kind: 'ok' },
  FAILED: { label: 'Failed', kind: 'error' },
  KILLED: { label: 'Killed', kind: 'aborted' },
};

/** A run that may still log: pages reload it. */
export function isRunLive(run: MlflowRun): boolean {
  return run.info.status === 'RUNNING' || run.info.status === 'SCHEDULED';
}

/**
 * MLflow's filter for one project's experiments. The id is a UUID; quotes
 * are escaped anyway so that no id can change the filter.
 */
export function projectExperimentsFilter(projectId: string): string {
  return `tags.\`${PROJECT_TAG}\` = '${projectId.replace(/'/g, "\\'")}'`;
}

export function tagValue(
  tags: readonly MlflowTag[] | undefined,
  key: string,
): string | undefined {
  return tags?.find(t => t.key === key)?.value;
}

/** The name people gave the run, else the start of its id. */
export function runName(run: MlflowRun): string {
  return (
    run.info.run_name ||
    tagValue(run.data.tags, 'mlflow.runName') ||
    run.info.run_id.slice(0, 8)
  );
}

export function runUser(run: MlflowRun): string {
  return run.info.user_id || tagValue(run.data.tags, 'mlflow.user') || '—';
}

/** A time in MLflow's milliseconds, as the plugin shows times. */
export function formatMillis(ms: number | undefined): string {
  return ms ? formatTime(new Date(ms).toISOString()) : '—';
}

/** How long the run took, or has run until `now` while it runs. */
export function runDuration(run: MlflowRun, now = Date.now()): string {
  const { start_time: start, end_time: end } = run.info;
  if (!start) {
    return '—';
  }
  if (!end && !isRunLive(run)) {
    return '—';
  }
  return formatDuration((end || now) - start);
}

/** MLflow's own tags and the platform's, hidden from the tags table. */
export function isSystemTag(key: string): boolean {
  return key.startsWith('mlflow.') || key.startsWith('ml.');
}

/** The platform workload that made a run, from the run's `ml.*` tags. */
export type RunSource =
  | { kind: 'job'; jobId: string; workloadId: string; runNumber?: string }
  | { kind: 'session'; workloadId: string };

export function runSource(run: MlflowRun): RunSource | undefined {
  const tags = run.data.tags;
  const workloadId = tagValue(tags, 'ml.workload_id');
  if (!workloadId) {
    return undefined;
  }
  const jobId = tagValue(tags, 'ml.job_id');
  return jobId
    ? {
        kind: 'job',
        jobId,
        workloadId,
        runNumber: tagValue(tags, 'ml.job_run_number'),
      }
    : { kind: 'session', workloadId };
}

export function describeSource(source: RunSource): string {
  if (source.kind === 'session') {
    return 'Session';
  }
  return source.runNumber ? `Job run #${source.runNumber}` : 'Job run';
}

/** A column of params or metrics a user may add to the runs table. */
export interface ValueColumn {
  kind: 'params' | 'metrics';
  key: string;
}

export function valueColumnId(column: ValueColumn): string {
  return `${column.kind}.${column.key}`;
}

/** Every param and metric key of the runs, params first, each sorted. */
export function valueColumnsOf(runs: readonly MlflowRun[]): ValueColumn[] {
  const params = new Set<string>();
  const metrics = new Set<string>();
  for (const run of runs) {
    run.data.params.forEach(p => params.add(p.key));
    run.data.metrics.forEach(m => metrics.add(m.key));
  }
  return [
    ...[...params].sort().map(key => ({ kind: 'params' as const, key })),
    ...[...metrics].sort().map(key => ({ kind: 'metrics' as const, key })),
  ];
}

/** A key in MLflow's search grammar: backquoted unless a plain name. */
export function searchKey(prefix: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
    ? `${prefix}.${key}`
    : `${prefix}.\`${key.replace(/`/g, '\\`')}\``;
}

export function runValue(run: MlflowRun, column: ValueColumn): string {
  if (column.kind === 'params') {
    return run.data.params.find(p => p.key === column.key)?.value ?? '';
  }
  const metric = run.data.metrics.find(m => m.key === column.key);
  return metric ? formatMetric(metric.value) : '';
}

/** A metric value short enough for a table cell, exact below 6 digits. */
export function formatMetric(value: number): string {
  if (!Number.isFinite(value)) {
    return String(value);
  }
  return Number.isInteger(value)
    ? String(value)
    : String(Number(value.toPrecision(6)));
}
