/** Below the ML backend's base URL. */
const ARTIFACTS_PATH = '/mlflow/api/2.0/mlflow-artifacts/artifacts';
const ARTIFACT_SCHEME = 'mlflow-artifacts:/';

/** The artifact root's path below the artifacts endpoint. */
function artifactRootPath(artifactUri: string): string {
  if (!artifactUri.startsWith(ARTIFACT_SCHEME)) {
    throw new Error(
      `Artifacts at ${artifactUri} are not served by the portal's tracking server`,
    );
  }
  return artifactUri.slice(ARTIFACT_SCHEME.length).replace(/^\/+|\/+$/g, '');
}

/** Each segment encoded, the slashes kept. */
function encodePath(path: string): string {
  return path.split('/').filter(Boolean).map(encodeURIComponent).join('/');
}

/**
 * Where one artifact of a run (whose `artifact_uri` is given) is served,
 * below the ML backend's base URL.
 */
export function artifactPath(artifactUri: string, path: string): string {
  const root = encodePath(artifactRootPath(artifactUri));
  return `${ARTIFACTS_PATH}/${root}/${encodePath(path)}`;
}
