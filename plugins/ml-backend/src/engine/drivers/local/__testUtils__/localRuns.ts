import { mockServices } from '@backstage/backend-test-utils';
import { WorkloadRef, WorkloadSpec } from '@ml-platform/plugin-ml-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  LocalProcessDriver,
  LocalProcessDriverOptions,
} from '../LocalProcessDriver';
import { listProcesses, ownsGroup, readProcStat } from '../procfs';

export const sdkPath = path.resolve(
  __dirname,
  '../../../../../../../sdk/python',
);

let counter = 0;

/** Polls until `probe` returns something other than undefined/false; never hangs. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

/** Whether a pid is gone; a zombie counts as gone, it holds nothing. */
export async function isGone(pid: number): Promise<boolean> {
  const stat = await readProcStat(pid);
  return stat === undefined || stat.state === 'Z';
}

/** Kills every process group a driver with this state folder started. */
export async function killRunGroups(stateDir: string): Promise<void> {
  const runsDir = path.join(stateDir, 'runs');
  const names = await fs.readdir(runsDir).catch(() => [] as string[]);
  for (const name of names.filter(n => n.endsWith('.json'))) {
    const { pgid, startTime } = JSON.parse(
      await fs.readFile(path.join(runsDir, name), 'utf8'),
    );
    if (!ownsGroup(pgid, startTime, await listProcesses())) continue;
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch (error) {
      // The group may end between the check and the kill.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

/**
 * A temp project folder and state folder, drivers on it, and a cleanup that
 * kills every process group a test started, even when the test failed.
 */
export class LocalRuns {
  private constructor(
    readonly root: string,
    readonly stateDir: string,
    readonly projectDir: string,
  ) {}

  static async create(): Promise<LocalRuns> {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-local-driver-'));
    // As the storage root is laid out: workloads under a project uid (the
    // test runs as root) must pass through it to their folder.
    await fs.chmod(root, 0o711);
    const runs = new LocalRuns(
      root,
      path.join(root, 'state'),
      path.join(root, 'project'),
    );
    await fs.mkdir(runs.projectDir);
    return runs;
  }

  driver(options: Partial<LocalProcessDriverOptions> = {}): LocalProcessDriver {
    return new LocalProcessDriver({
      stateDir: this.stateDir,
      sdkPath,
      logger: mockServices.logger.mock(),
      stopGraceMs: 1000,
      ...options,
    });
  }

  async script(name: string, source: string): Promise<string> {
    await fs.writeFile(path.join(this.projectDir, name), source);
    return name;
  }

  spec(args: string[], overrides: Partial<WorkloadSpec> = {}): WorkloadSpec {
    counter += 1;
    return {
      workloadId: `w${process.pid}x${counter}`,
      attempt: 1,
      kind: 'job',
      workspace: 'default',
      projectId: '00000000-0000-0000-0000-000000000000',
      projectName: 'test',
      projectDir: this.projectDir,
      runtime: { id: 'python' },
      resources: { cpu: 1, memoryMiB: 512, gpu: 0 },
      args,
      env: {},
      ports: [],
      ...overrides,
    };
  }

  async state(
    ref: WorkloadRef,
  ): Promise<{ pid: number; pgid: number; startTime: number }> {
    const file = path.join(
      this.stateDir,
      'runs',
      `${ref.workloadId}-${ref.attempt}.json`,
    );
    return JSON.parse(await fs.readFile(file, 'utf8'));
  }

  async cleanup(): Promise<void> {
    await killRunGroups(this.stateDir);
    await fs.rm(this.root, {
      recursive: true,
      force: true,
      maxRetries: 10,
      retryDelay: 100,
    });
  }
}

/** Every line of a log; bounded, so a log that never ends fails the test instead of hanging. */
export async function collectLines(
  lines: AsyncIterable<string>,
  timeoutMs = 10_000,
) {
  const result: { line: string; at: number }[] = [];
  const collect = (async () => {
    for await (const line of lines) result.push({ line, at: Date.now() });
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`log did not end within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([collect, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return result;
}

/**
 * A fresh {@link LocalRuns} for each test of the calling `describe`, handed to
 * `use` before the test's own `beforeEach` hooks, and cleaned up after it.
 */
export function localRunsForEachTest(use: (runs: LocalRuns) => void): void {
  let runs: LocalRuns | undefined;
  beforeEach(async () => {
    runs = await LocalRuns.create();
    use(runs);
  });
  afterEach(() => runs?.cleanup());
}
