import { formatCpu } from '@ml-platform/plugin-ml-common';

/** The API shows CPU in vCPU while the shared formatter takes millicores. */
export function formatVcpu(vcpu: number): string {
  return formatCpu(Math.round(vcpu * 1000));
}

export function formatGpu(gpu: number): string {
  return `${gpu} GPU`;
}
