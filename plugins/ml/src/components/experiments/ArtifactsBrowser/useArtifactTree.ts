import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { FileInfo, mlflowApiRef } from '../../../api';

/** A directory's entries once listed, or why the listing failed. */
export interface ArtifactDirectory {
  files?: FileInfo[];
  error?: Error;
}

/**
 * A run's artifacts, listed one directory at a time as the tree opens
 * them: a run's model directory can hold thousands of files.
 */
export function useArtifactTree(runId: string) {
  const mlflow = useApi(mlflowApiRef);
  const [directories, setDirectories] = useState<
    Record<string, ArtifactDirectory>
  >({});
  const requested = useRef(new Set<string>());

  const load = useCallback(
    (path: string) => {
      if (requested.current.has(path)) return;
      requested.current.add(path);
      mlflow.listArtifacts(runId, path || undefined).then(
        listing => {
          const files = [...listing.files].sort(
            (a, b) =>
              Number(b.is_dir) - Number(a.is_dir) ||
              a.path.localeCompare(b.path),
          );
          setDirectories(d => ({ ...d, [path]: { files } }));
        },
        error => setDirectories(d => ({ ...d, [path]: { error } })),
      );
    },
    [mlflow, runId],
  );

  useEffect(() => {
    requested.current = new Set();
    setDirectories({});
    load('');
  }, [load]);

  return { directories, load };
}
