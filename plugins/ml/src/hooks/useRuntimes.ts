import { Runtime } from '@ml-platform/plugin-ml-common';
import { runtimeLabel } from '../lib/runtimes';
import { useMlApi } from './useMlApi';

/**
 * Every runtime, disabled and superseded ones included, because existing
 * workloads may use them; plus a labeller for ids. Only while `enabled` (a
 * dialog that is open), loaded again each time it becomes so.
 */
export function useRuntimes(enabled = true): {
  runtimes: Runtime[];
  label: (runtimeId: string) => string;
} {
  const { value } = useMlApi(
    async api =>
      enabled ? api.listRuntimes({ all: true, pageSize: 500 }) : undefined,
    [enabled],
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
