import { useApi } from '@backstage/core-plugin-api';
import { Runtime } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../api';
import { runtimeLabel } from '../lib/runtimes';

/**
 * Every runtime, disabled and superseded ones included, because existing
 * workloads may use them; plus a labeller for ids.
 */
export function useRuntimes(): {
  runtimes: Runtime[];
  label: (runtimeId: string) => string;
} {
  const api = useApi(mlApiRef);
  const { value } = useAsync(
    () => api.listRuntimes({ all: true, pageSize: 500 }),
    [api],
  );
  const runtimes = value?.items ?? [];
  return {
    runtimes,
    label: (runtimeId: string) => {
      const runtime = runtimes.find(r => r.id === runtimeId);
      return runtime ? runtimeLabel(runtime) : runtimeId;
    },
  };
}
