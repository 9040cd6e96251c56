import { formatCpu, formatMemory } from '@ml-platform/plugin-ml-common';

/** The API shows CPU in vCPU while the shared formatter takes millicores. */
export function formatVcpu(vcpu: number): string {
  return formatCpu(Math.round(vcpu * 1000));
}

export function formatGpu(gpu: number): string {
  return `${gpu} GPU`;
}

/** An amount of compute as the API gives it: vCPU, MiB and whole GPUs. */
export interface ResourceAmounts {
  cpu: number;
  memoryMiB: number;
  gpu: number;
}

/** Each kind of compute, with its name and how its amounts are written. */
export const RESOURCE_KINDS: ReadonlyArray<{
  key: keyof ResourceAmounts;
  label: string;
  format: (amount: number) => string;
}> = [
  { key: 'cpu', label: 'CPU', format: formatVcpu },
  { key: 'memoryMiB', label: 'Memory', format: formatMemory },
  { key: 'gpu', label: 'GPU', format: formatGpu },
];
