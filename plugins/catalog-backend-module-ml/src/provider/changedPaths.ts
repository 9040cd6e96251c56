import { MlChangeEvent } from '@ml-platform/plugin-ml-common';

export { ML_CHANGES_TOPIC } from '@ml-platform/plugin-ml-common';
export type { MlChangeEvent } from '@ml-platform/plugin-ml-common';

/** What a change means for the catalog. */
export type CatalogImpact =
  /** Nothing the catalog shows (predictions, sessions, files, keys). */
  | { type: 'none' }
  /** A project or something in it: re-read that project. */
  | { type: 'project'; projectId: string }
  /** A project was created: look for projects the catalog does not have. */
  | { type: 'new-projects' }
  /** Workspaces or runtimes: re-read everything. */
  | { type: 'all' };

/**
 * Sub-resources of a project that no entity shows. Collaborators are not
 * among them: they are the readers of a restricted project's entities.
 */
const INVISIBLE_PROJECT_PARTS = new Set([
  'sessions',
  'files',
  'quota',
  'experiments',
]);
/** Last segments that are traffic or actions on workloads, not changes. */
const INVISIBLE_ACTIONS = new Set(['predict', 'execute', 'keys', 'runs']);

/**
 * What a successful write to the ML API changes in the catalog. Unknown
 * paths re-read everything: slower, never wrong.
 */
export function catalogImpactOf(event: MlChangeEvent): CatalogImpact {
  const segments = event.path.split('?')[0].split('/').filter(Boolean);
  const [first, second, third] = segments;
  if (
    first === 'model' ||
    first === 'workload-api' ||
    first === 'workloads' ||
    first === 'cron' ||
    first === 'apps'
  ) {
    return { type: 'none' };
  }
  if (first === 'projects') {
    if (!second) {
      return { type: 'new-projects' };
    }
    if (
      (third && INVISIBLE_PROJECT_PARTS.has(third)) ||
      segments.some(s => INVISIBLE_ACTIONS.has(s))
    ) {
      return { type: 'none' };
    }
    return { type: 'project', projectId: decodeURIComponent(second) };
  }
  return { type: 'all' };
}
