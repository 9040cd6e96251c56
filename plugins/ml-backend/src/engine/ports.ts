/**
 * What the engine needs from the features above it, as interfaces: the
 * features implement them, the engine never imports a feature.
 */

/** Where a project's files are on disk (projects/ProjectFiles implements it). */
export interface ProjectFolders {
  /** The folder a workload of the project runs in. */
  dirFor(projectId: string): string;
}
