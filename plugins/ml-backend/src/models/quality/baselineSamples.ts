import { MonitoredFeature } from '@ml-platform/plugin-ml-common';
import { BaselineSample } from './DriftBaselineStore';

/** The longest category value kept, as the gateway captures it. */
export const MAX_CATEGORY_LENGTH = 200;

/** A raw value as a numeric feature's number, if it is one. */
export function numericValue(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A raw value as a categorical feature's category, if it is one. */
export function categoryValue(raw: unknown): string | undefined {
  if (typeof raw === 'string')
    return raw.length <= MAX_CATEGORY_LENGTH ? raw : undefined;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/** At most `size` of the values, evenly spread over them. */
export function spread<T>(values: T[], size: number): T[] {
  if (values.length <= size) return values;
  const step = values.length / size;
  return Array.from({ length: size }, (_, i) => values[Math.floor(i * step)]);
}

/** Category counts of values. */
export function countCategories(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/**
 * A feature's baseline sample from raw values (the ones of the wrong kind
 * left out), at most `size` of them; undefined when none is left.
 */
export function baselineSample(
  type: MonitoredFeature['type'],
  raw: unknown[],
  size: number,
): { sample: BaselineSample; size: number } | undefined {
  if (type === 'numeric') {
    const values = spread(
      raw.map(numericValue).filter((v): v is number => v !== undefined),
      size,
    );
    if (values.length === 0) return undefined;
    return {
      sample: { type, values: values.sort((a, b) => a - b) },
      size: values.length,
    };
  }
  const values = spread(
    raw.map(categoryValue).filter((v): v is string => v !== undefined),
    size,
  );
  if (values.length === 0) return undefined;
  return {
    sample: { type, counts: countCategories(values) },
    size: values.length,
  };
}
