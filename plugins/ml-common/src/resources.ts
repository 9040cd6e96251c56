/**
 * Resource arithmetic shared by the backend (admission, validation) and the
 * frontend (forms, usage bars). CPU is counted in millicores and memory in MiB
 * internally so that sums never suffer from floating point drift.
 */

const CPU_PATTERN = /^(\d+(?:\.\d+)?)(m?)$/;
const MEMORY_PATTERN = /^(\d+(?:\.\d+)?)\s*(Ki|Mi|Gi|Ti|K|M|G|T)?$/;

const MEMORY_FACTORS_MIB: Record<string, number> = {
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  Ti: 1024 * 1024,
  K: 1000 / (1024 * 1024),
  M: 1000 ** 2 / 1024 ** 2,
  G: 1000 ** 3 / 1024 ** 2,
  T: 1000 ** 4 / 1024 ** 2,
};

/**
 * Parses a Kubernetes-style CPU quantity ("500m", "2", "0.5", or a number of
 * vCPU) into millicores. Returns undefined when the value is not a quantity.
 *
 * @public
 */
export function parseCpuMillis(value: string | number): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0
      ? Math.round(value * 1000)
      : undefined;
  }
  const match = CPU_PATTERN.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const amount = Number(match[1]);
  return Math.round(match[2] === 'm' ? amount : amount * 1000);
}

/**
 * Parses a memory quantity ("512Mi", "2Gi", "1G", or a number of MiB) into
 * MiB. Returns undefined when the value is not a quantity.
 *
 * @public
 */
export function parseMemoryMiB(value: string | number): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  }
  const match = MEMORY_PATTERN.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const unit = match[2] ?? 'Mi';
  return Math.round(Number(match[1]) * MEMORY_FACTORS_MIB[unit]);
}

/**
 * Formats millicores for people: 500 → "0.5 vCPU", 2000 → "2 vCPU".
 *
 * @public
 */
export function formatCpu(millis: number): string {
  const vcpu = millis / 1000;
  return `${
    Number.isInteger(vcpu)
      ? vcpu
      : vcpu.toFixed(vcpu < 1 ? 2 : 1).replace(/0+$/, '')
  } vCPU`;
}

/**
 * Formats MiB for people: 512 → "512 MiB", 8192 → "8 GiB".
 *
 * @public
 */
export function formatMemory(mib: number): string {
  if (mib >= 1024 && mib % 1024 === 0) {
    return `${mib / 1024} GiB`;
  }
  if (mib >= 1024) {
    return `${(mib / 1024).toFixed(1)} GiB`;
  }
  return `${mib} MiB`;
}

/**
 * An amount of compute: millicores, MiB and whole GPUs.
 *
 * @public
 */
export interface ResourceAmount {
  cpuMillis: number;
  memoryMiB: number;
  gpu: number;
}

/** @public */
export const ZERO_RESOURCES: ResourceAmount = Object.freeze({
  cpuMillis: 0,
  memoryMiB: 0,
  gpu: 0,
});

/** @public */
export function addResources(
  a: ResourceAmount,
  b: ResourceAmount,
): ResourceAmount {
  return {
    cpuMillis: a.cpuMillis + b.cpuMillis,
    memoryMiB: a.memoryMiB + b.memoryMiB,
    gpu: a.gpu + b.gpu,
  };
}

/** @public */
export function scaleResources(
  a: ResourceAmount,
  factor: number,
): ResourceAmount {
  return {
    cpuMillis: a.cpuMillis * factor,
    memoryMiB: a.memoryMiB * factor,
    gpu: a.gpu * factor,
  };
}

/**
 * True when `request` fits within `available` on every dimension.
 *
 * @public
 */
export function fitsWithin(
  request: ResourceAmount,
  available: ResourceAmount,
): boolean {
  return (
    request.cpuMillis <= available.cpuMillis &&
    request.memoryMiB <= available.memoryMiB &&
    request.gpu <= available.gpu
  );
}
