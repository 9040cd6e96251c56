import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';

/** Longest entity name the catalog accepts. */
const MAX_ENTITY_NAME_LENGTH = 63;

/**
 * The entity ref of the catalog entity that stands for an ML workspace.
 * Workspaces are in the default namespace, named like the workspace.
 *
 * @public
 */
export function mlWorkspaceEntityRef(workspace: string): string {
  return `workspace:${DEFAULT_NAMESPACE}/${workspace}`;
}

/**
 * The entity ref of the catalog entity that stands for an ML project.
 * Project names are unique within their workspace only, so a project's
 * entity is in the namespace named like its workspace.
 *
 * @public
 */
export function mlProjectEntityRef(project: {
  workspace: string;
  name: string;
}): string {
  return `project:${project.workspace}/${project.name}`;
}

/**
 * The entity ref of the `System` that groups an ML project's models, their
 * APIs and its applications, so the catalog's System column and system pages
 * show them together: named and namespaced like the project's entity.
 *
 * @public
 */
export function mlProjectSystemEntityRef(project: {
  workspace: string;
  name: string;
}): string {
  return `system:${project.workspace}/${project.name}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: short and stable, not for security. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Turns any text into a valid entity name: characters outside
 * `[A-Za-z0-9-_.]` become `-`, separators are not repeated nor at the ends,
 * and a name longer than 63 characters is cut and ends with a hash of the
 * whole text (so two long names stay apart).
 *
 * @public
 */
export function toEntityName(text: string): string {
  const cleaned =
    text
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/[-_.]{2,}/g, match => match[0])
      .replace(/^[-_.]+|[-_.]+$/g, '') || 'unnamed';
  if (cleaned.length <= MAX_ENTITY_NAME_LENGTH) {
    return cleaned;
  }
  const hash = shortHash(text);
  const head = cleaned
    .slice(0, MAX_ENTITY_NAME_LENGTH - hash.length - 1)
    .replace(/[-_.]+$/, '');
  return `${head}-${hash}`;
}

/**
 * The entity name of something that belongs to a project (a model, its
 * API): `<project>.<name>`. Names are unique only within their project, and
 * the entities share the workspace's namespace with other projects.
 *
 * @public
 */
export function mlProjectScopedEntityName(project: string, name: string) {
  return toEntityName(`${project}.${name}`);
}

/**
 * The entity ref of the `Model` entity of an ML model.
 *
 * @public
 */
export function mlModelEntityRef(model: {
  workspace: string;
  project: string;
  name: string;
}): string {
  return `model:${model.workspace}/${mlProjectScopedEntityName(
    model.project,
    model.name,
  )}`;
}

/**
 * The entity ref of the `API` entity of an ML model's endpoint.
 *
 * @public
 */
export function mlModelApiEntityRef(model: {
  workspace: string;
  project: string;
  name: string;
}): string {
  return `api:${model.workspace}/${mlProjectScopedEntityName(
    model.project,
    model.name,
  )}`;
}

/**
 * The entity ref of the `Resource` entity (type `dataset`) of a data table
 * named in `lineage.yaml`. Datasets are shared by the projects of a
 * workspace, so they live in its namespace.
 *
 * @public
 */
export function mlDatasetEntityRef(workspace: string, table: string): string {
  return `resource:${workspace}/${toEntityName(table)}`;
}

/**
 * The entity ref of the `Resource` of a model registry version (type
 * `ml-model-version`), e.g. `resource:ws/churn.churn-classifier-v1`.
 *
 * @public
 */
export function mlModelVersionEntityRef(version: {
  workspace: string;
  project: string;
  name: string;
  version: string;
}): string {
  return `resource:${version.workspace}/${mlProjectScopedEntityName(
    version.project,
    `${version.name}-v${version.version}`,
  )}`;
}

/**
 * The entity ref of the `Resource` of an experiment run (type
 * `ml-experiment-run`): the project and the run id's first 12 characters.
 *
 * @public
 */
export function mlExperimentRunEntityRef(run: {
  workspace: string;
  project: string;
  runId: string;
}): string {
  return `resource:${run.workspace}/${mlProjectScopedEntityName(
    run.project,
    `run-${run.runId.slice(0, 12)}`,
  )}`;
}

/**
 * The entity name of an ML runtime's `Resource` entity (type `ml-runtime`,
 * default namespace): its editor, kernel, edition and versions, e.g.
 * `workbench-python-3-standard-2026.11.1`.
 *
 * @public
 */
export function mlRuntimeEntityName(runtime: {
  editor: string;
  kernel: string;
  edition: string;
  shortVersion: string;
  maintenanceVersion: number;
}): string {
  return toEntityName(
    [
      runtime.editor,
      runtime.kernel,
      runtime.edition,
      `${runtime.shortVersion}.${runtime.maintenanceVersion}`,
    ]
      .join('-')
      .toLocaleLowerCase('en-US'),
  );
}

/**
 * The entity ref of an ML runtime's `Resource` entity.
 *
 * @public
 */
export function mlRuntimeEntityRef(
  runtime: Parameters<typeof mlRuntimeEntityName>[0],
): string {
  return `resource:${DEFAULT_NAMESPACE}/${mlRuntimeEntityName(runtime)}`;
}

/**
 * The entity ref of an ML application's `Component` entity (type
 * `ml-application`): named by its slug, which is unique in the portal.
 *
 * @public
 */
export function mlApplicationEntityRef(
  workspace: string,
  slug: string,
): string {
  return `component:${workspace}/${toEntityName(slug)}`;
}
