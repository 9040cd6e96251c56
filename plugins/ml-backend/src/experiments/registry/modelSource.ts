import { invalidParameter } from '../MlflowError';
import {
  joinArtifactPath,
  normaliseArtifactPath,
} from '../artifacts/artifactPaths';

/**
 * What a model version's `source` names: a run's artifacts, as
 * `runs:/<run_id>/<path>` or as the store URI the run's `artifact_uri`
 * begins (`mlflow-artifacts:/<experiment_id>/<run_id>/artifacts/<path>`).
 * MLflow's client sends the latter for `mlflow.register_model('runs:/…')`.
 */
export interface ModelSource {
  runId: string;
  /** The experiment, when the source names it. */
  experimentId?: string;
  /** The path inside the run's artifacts, normalised (`''` for all). */
  path: string;
}

const RUNS_URI = /^runs:\/([^/]+)(?:\/(.*))?$/;
const STORE_URI =
  /^mlflow-artifacts:(?:\/\/[^/]*)?\/(\d+)\/([^/]+)\/artifacts(?:\/(.*))?$/;

/** The run and path a source names. */
export function parseModelSource(source: string): ModelSource {
  const runs = RUNS_URI.exec(source);
  if (runs) {
    return { runId: runs[1], path: sourcePath(source, runs[2]) };
  }
  const stored = STORE_URI.exec(source);
  if (stored) {
    return {
      experimentId: stored[1],
      runId: stored[2],
      path: sourcePath(source, stored[3]),
    };
  }
  throw invalidParameter(
    `Invalid model version source: '${source}'. Register a run's artifacts, as 'runs:/<run_id>/<path>' or 'mlflow-artifacts:/<experiment_id>/<run_id>/artifacts/<path>'`,
  );
}

/** Where a run's artifact path is kept in the artifact store. */
export function runStoragePath(
  experimentId: string,
  runId: string,
  path: string,
): string {
  return joinArtifactPath(`${experimentId}/${runId}/artifacts`, path);
}

function sourcePath(source: string, path: string | undefined): string {
  try {
    return normaliseArtifactPath(path ?? '');
  } catch {
    throw invalidParameter(
      `Invalid model version source: '${source}' has a path that leaves the run's artifacts`,
    );
  }
}
