/** Where a build keeps a registered version's files (`ML_MODEL_ARTIFACTS`). */
export const REGISTERED_MODEL_DIR = 'registered-model';

/** A model registry version, as a build needs it. */
export interface RegisteredVersion {
  name: string;
  version: string;
  /** The artifact store path of its files. */
  storageLocation: string;
  runId?: string;
  runName?: string;
  experimentId?: string;
  /** The datasets its run logged as inputs. */
  datasets?: string[];
}

/**
 * The model registry as builds read it (the experiments feature provides
 * it): the versions of a project's registered models and their files.
 */
export interface RegisteredVersions {
  /** The version of a model registered in the project; undefined if none. */
  find(
    projectId: string,
    name: string,
    version: string,
  ): Promise<RegisteredVersion | undefined>;
  /** Copies a version's files into `target` (a folder it creates). */
  copyFiles(version: RegisteredVersion, target: string): Promise<number>;
}
