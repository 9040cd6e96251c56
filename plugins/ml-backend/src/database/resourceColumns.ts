import { ResourceLimits } from '@ml-platform/plugin-ml-common';

/** Resource amounts as stored: integer millicores, MiB and GPUs. */
export type ResourceColumns = {
  cpu_millis: number;
  memory_mib: number;
  gpu: number;
};

/** @internal */
export function toResourceColumns(
  limits: Partial<ResourceLimits>,
): Partial<ResourceColumns> {
  const columns: Partial<ResourceColumns> = {};
  if (limits.cpu !== undefined)
    columns.cpu_millis = Math.round(limits.cpu * 1000);
  if (limits.memoryMiB !== undefined) columns.memory_mib = limits.memoryMiB;
  if (limits.gpu !== undefined) columns.gpu = limits.gpu;
  return columns;
}

/** How a patch of resource amounts is stored (see {@link toResourceColumns}). */
export const RESOURCE_PATCH_COLUMNS = {
  cpu: (cpu: number) => ({ cpu_millis: Math.round(cpu * 1000) }),
  memoryMiB: 'memory_mib',
  gpu: 'gpu',
} as const;

/** @internal */
export function fromResourceColumns(row: ResourceColumns): ResourceLimits {
  return {
    cpu: row.cpu_millis / 1000,
    memoryMiB: row.memory_mib,
    gpu: row.gpu,
  };
}
