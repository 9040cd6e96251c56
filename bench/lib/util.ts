/**
 * Small helpers shared by the benchmarks: statistics, memory, arguments,
 * a silent logger and a deadline. Benchmarks print figures; they assert
 * nothing about timing.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import { readFileSync } from 'node:fs';
import { setImmediate as nextTick } from 'node:timers/promises';

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  sum: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    min: sorted[0] ?? NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
    sum,
  };
}

/** Percentile of values where each value counts `weights[i]` times. */
export function weightedPercentile(
  values: number[],
  weights: number[],
  p: number,
): number {
  const pairs = values
    .map((v, i) => [v, weights[i]] as const)
    .filter(([, w]) => w > 0);
  pairs.sort((a, b) => a[0] - b[0]);
  const total = pairs.reduce((a, [, w]) => a + w, 0);
  if (total === 0) return NaN;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const [v, w] of pairs) {
    seen += w;
    if (seen >= rank) return v;
  }
  return pairs[pairs.length - 1][0];
}

export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return String(n);
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function ms(n: number): string {
  return `${fmt(n, n < 10 ? 2 : 1)} ms`;
}

export function statLine(label: string, s: Summary, unit = 'ms'): string {
  const f = (n: number) => fmt(n, n < 10 ? 2 : 1);
  return `${label}: n=${s.n} p50=${f(s.p50)} p95=${f(s.p95)} p99=${f(
    s.p99,
  )} max=${f(s.max)} mean=${f(s.mean)} ${unit}`;
}

/** Resident memory of this process, in MiB (VmRSS), and its peak (VmHWM). */
export function memory(): {
  rssMiB: number;
  peakMiB: number;
  anonMiB: number;
  heapMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
} {
  let peakMiB = NaN;
  let anonMiB = NaN;
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
    if (hwm) peakMiB = Number(hwm[1]) / 1024;
    const anon = /^RssAnon:\s+(\d+) kB/m.exec(status);
    if (anon) anonMiB = Number(anon[1]) / 1024;
  } catch {
    // Not Linux: no peak.
  }
  const usage = process.memoryUsage();
  return {
    rssMiB: usage.rss / 1048576,
    peakMiB,
    anonMiB,
    heapMiB: usage.heapUsed / 1048576,
    heapTotalMiB: usage.heapTotal / 1048576,
    externalMiB: usage.external / 1048576,
  };
}

export function describeMemory(m: ReturnType<typeof memory>): string {
  return (
    `RSS ${fmt(m.rssMiB)} MiB (anonymous ${fmt(m.anonMiB)}; V8 heap used ${fmt(
      m.heapMiB,
    )} of ${fmt(m.heapTotalMiB)} MiB, ` +
    `external ${fmt(m.externalMiB)} MiB; peak RSS so far ${fmt(m.peakMiB)} MiB)`
  );
}

/** A full GC when node runs with --expose-gc; says whether it could. */
export async function collectGarbage(): Promise<boolean> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  for (let i = 0; i < 3; i++) {
    gc();
    await nextTick();
  }
  return true;
}

/** `--name value`, `--name=value` and `--flag`. */
export function parseArgs(
  argv = process.argv.slice(2),
): Map<string, string | true> {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) {
      args.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      args.set(arg.slice(2), argv[++i]);
    } else {
      args.set(arg.slice(2), true);
    }
  }
  return args;
}

export function numberArg(
  args: Map<string, string | true>,
  name: string,
  fallback: number,
): number {
  const v = args.get(name);
  if (v === undefined || v === true) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`--${name} must be a positive number, not '${v}'`);
  return n;
}

/** A wall-clock budget that every loop of a benchmark checks. */
export class Deadline {
  private readonly end: number;
  constructor(readonly seconds: number) {
    this.end = Date.now() + seconds * 1000;
  }
  get expired(): boolean {
    return Date.now() >= this.end;
  }
  get remainingMs(): number {
    return Math.max(0, this.end - Date.now());
  }
}

/** Deterministic PRNG (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A logger that drops everything (the engine logs each start at info). */
export function silentLogger(): LoggerService {
  const logger: LoggerService = {
    error() {},
    warn() {},
    info() {},
    debug() {},
    child: () => logger,
  };
  return logger;
}

export function header(title: string) {
  const line = '='.repeat(Math.max(20, title.length));
  console.log(`\n${line}\n${title}\n${line}`);
}

export function machine(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('node:os') as typeof import('node:os');
  const cpus = os.cpus();
  return `${new Date().toISOString()} | node ${
    process.version
  } | ${os.platform()} ${os.release()} | ${cpus.length} x ${
    cpus[0]?.model ?? '?'
  } | ${fmt(os.totalmem() / 2 ** 30, 0)} GiB RAM`;
}
