import { WorkloadKindName } from '@ml-platform/plugin-ml-common';

/** What each kind of workload is called in a sentence, one and many. */
const KIND_NAMES: Record<WorkloadKindName, [string, string]> = {
  session: ['session', 'sessions'],
  job: ['job run', 'job runs'],
  build: ['model build', 'model builds'],
  model: ['model replica', 'model replicas'],
  application: ['application', 'applications'],
};

function list(items: string[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * "2 sessions and 1 job run in projects churn, fraud": what runs (or
 * waits to run), for a refusal that says what to stop first.
 */
export function describeActiveWork(
  work: Array<{ kind: WorkloadKindName; project: string }>,
): string {
  const counts = new Map<WorkloadKindName, number>();
  for (const w of work) counts.set(w.kind, (counts.get(w.kind) ?? 0) + 1);
  const kinds = (Object.keys(KIND_NAMES) as WorkloadKindName[])
    .filter(kind => counts.has(kind))
    .map(kind => {
      const n = counts.get(kind)!;
      return `${n} ${KIND_NAMES[kind][n === 1 ? 0 : 1]}`;
    });
  const projects = [...new Set(work.map(w => w.project))].sort();
  return `${list(kinds)} in project${
    projects.length === 1 ? '' : 's'
  } ${projects.join(', ')}`;
}
