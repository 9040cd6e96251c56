/**
 * Admission throughput: 10,000 queued workloads under binding quotas with a
 * no-op driver, beside the raw rate of the same database writes.
 *
 *   node --expose-gc -r @backstage/cli/config/nodeTransform.cjs bench/admission.ts [options]
 *
 * Options: --workloads 10000  --subjects 50  --quota-cpu 4  --finish 0.5
 *          --submits 10  --seed 1  --mem-every 20 (ticks)
 *          --max-seconds 160  time budget (SQLite gets 40 % when both run); a
 *                             scenario that runs out reports what it measured
 *          --pg <url>   also run on Postgres (a new database on that server);
 *                       BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING works too
 *          --no-sqlite  Postgres only
 *
 * What happens: a workspace with 10 nodes of 32 vCPU (320 vCPU, more than all
 * quotas together) and 50 subjects (25 users, 25 teams) with a 4 vCPU quota
 * each. Workloads ask for 0.5, 1 or 2 vCPU, so at most ~170 run at once and
 * the rest wait with a quota reason. The queue is filled through
 * WorkloadStore.insert, one transaction each (on SQLite with synchronous=OFF
 * for the fill only); then, tick after tick, the no-op "driver" finishes
 * about half of what runs (starting -> running -> succeeded through the store,
 * in one transaction, as the reconciler would) and WorkloadEngine.admit runs
 * one admission pass (AdmissionService.pass + handing each admitted workload
 * to the driver), until every workload has been admitted.
 *
 * Nothing here asserts timing: it prints figures and ratios against a
 * baseline measured in the same run.
 */
import {
  NodeGroup,
  ResourceLimits,
  Workspace,
} from '@ml-platform/plugin-ml-common';
import {
  ComputeDriver,
  ObservedWorkload,
  WorkloadSpec,
} from '@ml-platform/plugin-ml-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { v4 as uuid } from 'uuid';
import {
  AdmissionService,
  EnvSecrets,
  admit,
  NewWorkload,
  NodeSlot,
  ProjectFiles,
  ProjectStore,
  QueuedWorkload,
  QueueStore,
  QuotaStore,
  RuntimeStore,
  toWorkload,
  WorkloadEngine,
  WorkloadStore,
  WorkloadTokens,
  WorkspaceStore,
} from '@ml-platform/plugin-ml-backend/testUtils';
import { BenchDb, DbOpener, pgOpener, sqliteOpener } from './lib/db';
import {
  Deadline,
  collectGarbage,
  describeMemory,
  fmt,
  header,
  machine,
  memory,
  ms,
  numberArg,
  parseArgs,
  rng,
  silentLogger,
  statLine,
  summarize,
  weightedPercentile,
} from './lib/util';

const WORKSPACE = 'bench';
const GROUP: NodeGroup = {
  name: 'standard',
  cpu: 32,
  memoryMiB: 262_144,
  gpu: 0,
  minNodes: 10,
  maxNodes: 10,
  scaleUpDelaySeconds: 0,
};
const CPU_CHOICES = [0.5, 1, 1, 2];
const MEMORY_QUOTA_MIB = 1_048_576;
/** The plugin's default ml.engine.starvationSeconds. */
const STARVATION_MS = 600_000;

interface Options {
  workloads: number;
  subjects: number;
  quotaCpu: number;
  finishFraction: number;
  submits: number;
  seed: number;
  /** Print memory every this many ticks (0: never). */
  memEvery: number;
  deadline: Deadline;
}

/** Starts nothing; remembers what it was asked to start so the bench can "run" it. */
class NoopDriver implements ComputeDriver {
  readonly name = 'local';
  private startedIds: string[] = [];
  async start(spec: WorkloadSpec) {
    this.startedIds.push(spec.workloadId);
  }
  drainStarted(): string[] {
    const ids = this.startedIds;
    this.startedIds = [];
    return ids;
  }
  async stop() {}
  async observe(): Promise<ObservedWorkload[]> {
    return [];
  }
  async forget() {}
  async *logs(): AsyncIterable<string> {}
  async endpoint() {
    return undefined;
  }
}

/** Per-call time of instrumented methods, counted only inside admission passes. */
class Profile {
  readonly byName = new Map<string, { calls: number; ms: number }>();
  active = false;
  add(name: string, elapsed: number) {
    if (!this.active) return;
    const entry = this.byName.get(name) ?? { calls: 0, ms: 0 };
    entry.calls += 1;
    entry.ms += elapsed;
    this.byName.set(name, entry);
  }
  wrap(
    target: any,
    label: string,
    names: string[],
    onResult?: (name: string, args: any[], result: any) => void,
  ) {
    for (const name of names) {
      const original = target[name].bind(target);
      target[name] = async (...args: any[]) => {
        const t0 = performance.now();
        const result = await original(...args);
        this.add(`${label}.${name}`, performance.now() - t0);
        onResult?.(name, args, result);
        return result;
      };
    }
  }
}

interface PassRecord {
  phase: 'tick' | 'submit';
  depth: number;
  admitted: number;
  reasonsWritten: number;
  passMs: number;
  /** engine.admit: the pass plus handing the admitted work to the driver. */
  admitMs: number;
}

interface ScenarioResult {
  label: string;
  where: string;
  admitted: number;
  passes: PassRecord[];
  enqueueMs: number;
  enqueued: number;
  submitMs: number[];
  finishMs: number;
  finishTransitions: number;
  wallMs: number;
  rawMs: number;
  rawRows: number;
  rawBatches: number;
  rawReadMs: number;
  rawMapMs: number;
  pureAdmitMs: number;
  profile: Profile;
  mem: {
    before: ReturnType<typeof memory>;
    queued: ReturnType<typeof memory>;
    done: ReturnType<typeof memory>;
  };
  gcAvailable: boolean;
  states: Record<string, number>;
  sampleReason?: string;
  waitingOnQuota: number;
  completed: boolean;
}

function subjectName(i: number, count: number) {
  const half = Math.ceil(count / 2);
  const n = String(i % half).padStart(2, '0');
  return i < half ? `user:default/u${n}` : `group:default/t${n}`;
}

/** The same workloads for the engine and for the raw baseline. */
function generateWorkloads(
  opts: Options,
  projectIds: string[],
  runtimeId: string,
): NewWorkload[] {
  const random = rng(opts.seed);
  const out: NewWorkload[] = [];
  for (let i = 0; i < opts.workloads; i++) {
    const s = Math.floor(random() * opts.subjects);
    const subject = subjectName(s, opts.subjects);
    const cpu = CPU_CHOICES[Math.floor(random() * CPU_CHOICES.length)];
    out.push({
      id: uuid(),
      kind: 'job',
      name: `bench-${i}`,
      projectId: projectIds[s],
      workspace: WORKSPACE,
      runtimeId,
      profile: 'small',
      resources: { cpu, memoryMiB: 1024 * cpu, gpu: 0 },
      chargedSubject: subject,
      requester: subject,
      maxAttempts: 1,
      retryBackoffSeconds: 10,
      args: ['job.py', '--seed', String(i)],
      env: { ML_PROJECT_NAME: `p${s}`, BENCH: '1' },
      ports: [],
    });
  }
  return out;
}

async function setup(db: BenchDb, opts: Options) {
  const knex = db.knex;
  const workspaces = new WorkspaceStore(knex);
  const runtimes = new RuntimeStore(knex);
  const projects = new ProjectStore(knex);
  const quotas = new QuotaStore(knex);
  const workspace: Workspace = await workspaces.create({
    name: WORKSPACE,
    title: 'Bench',
    description: '',
    owner: 'group:default/admins',
    driver: 'local',
    nodeGroups: [GROUP],
    env: {},
    defaultUserQuota: {
      cpu: opts.quotaCpu,
      memoryMiB: MEMORY_QUOTA_MIB,
      gpu: 0,
    },
  });
  const runtime = await runtimes.create({
    editor: 'Workbench',
    kernel: 'Python 3',
    edition: 'Standard',
    shortVersion: '1',
    maintenanceVersion: 1,
    description: '',
    command: 'python3',
    enabled: true,
  });
  const projectIds: string[] = [];
  for (let s = 0; s < opts.subjects; s++) {
    const subject = subjectName(s, opts.subjects);
    await quotas.create({
      workspace: WORKSPACE,
      subject,
      cpu: opts.quotaCpu,
      memoryMiB: MEMORY_QUOTA_MIB,
      gpu: 0,
    });
    const p = await projects.create({
      workspace: WORKSPACE,
      name: `p${s}`,
      title: `p${s}`,
      description: '',
      owner: subject,
      visibility: 'private',
      teamRole: 'contributor',
      env: {},
      createdBy: subject,
    });
    projectIds.push(p.id);
  }
  return { workspace, runtime, projectIds, workspaces, runtimes };
}

/**
 * Creates the workspace's minimum nodes before the queue fills, as an earlier
 * pass would have, so that node creation is not part of the measured passes.
 */
async function createMinimumNodes(
  admission: AdmissionService,
  queue: QueueStore,
  workspace: Workspace,
) {
  await queue.transaction(async tx =>
    admission.ensureMinimumNodes(
      tx,
      workspace,
      await queue.nodes(tx, workspace.name),
      Date.now(),
    ),
  );
}

async function measureMemory(): Promise<ReturnType<typeof memory>> {
  await collectGarbage();
  return memory();
}

async function runScenario(
  label: string,
  open: DbOpener,
  opts: Options,
): Promise<ScenarioResult> {
  header(`admission on ${label}`);
  const storage = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-bench-files-'));
  const db = await open('engine');
  const rawDb = await open('raw');
  try {
    const knex = db.knex;
    const { workspace, runtime, projectIds, workspaces, runtimes } =
      await setup(db, opts);
    const workloads = new WorkloadStore(knex);
    const queue = new QueueStore(knex);
    const driver = new NoopDriver();
    const admission = new AdmissionService({
      queue,
      starvationMs: STARVATION_MS,
    });
    const engine = new WorkloadEngine({
      workloads,
      workspaces,
      runtimes,
      admission,
      logger: silentLogger(),
      files: new ProjectFiles(storage),
      driverFor: () => driver,
      apiUrl: 'http://127.0.0.1:7007/api/ml',
      // A fixed signing key: nothing here verifies tokens across restarts.
      tokens: new WorkloadTokens({
        getOrCreate: async () => 'c2lnbmluZy1rZXk=',
      }),
      // A fixed key: the bench's env holds no secrets to open.
      secrets: new EnvSecrets({
        key: Buffer.alloc(32, 7),
        settings: { getOrCreate: async () => '' },
      }),
    });

    // Instrumentation: what each part of a pass costs.
    const profile = new Profile();
    let depth = 0;
    let reasonsWritten = 0;
    let passMs = 0;
    let passAdmitted = 0;
    profile.wrap(
      queue,
      'QueueStore',
      [
        'lockWorkspace',
        'queued',
        'nodes',
        'insertNode',
        'allocationsByNode',
        'usageBySubject',
        'quotas',
        'admitBatch',
        'setReasons',
        'getMany',
      ],
      (name, args, result) => {
        if (name === 'queued') depth = result.length;
        if (name === 'setReasons') reasonsWritten += args[1].length;
      },
    );
    const originalTransaction = queue.transaction.bind(queue);
    (queue as any).transaction = async (fn: (tx: any) => Promise<unknown>) => {
      const t0 = performance.now();
      let inside = t0;
      let leaving = t0;
      const result = await originalTransaction(async tx => {
        inside = performance.now();
        try {
          return await fn(tx);
        } finally {
          leaving = performance.now();
        }
      });
      profile.add('transaction BEGIN', inside - t0);
      profile.add('transaction COMMIT', performance.now() - leaving);
      return result;
    };
    const originalPass = admission.pass.bind(admission);
    (admission as any).pass = async (ws: Workspace) => {
      const t0 = performance.now();
      const admitted = await originalPass(ws);
      passMs = performance.now() - t0;
      passAdmitted = admitted.length;
      return admitted;
    };

    const passes: PassRecord[] = [];
    let admittedTotal = 0;
    const runAdmission = async (
      phase: PassRecord['phase'],
      fn: () => Promise<unknown>,
    ) => {
      depth = 0;
      reasonsWritten = 0;
      passMs = 0;
      passAdmitted = 0;
      profile.active = true;
      const t0 = performance.now();
      await fn();
      const admitMs = performance.now() - t0;
      profile.active = false;
      admittedTotal += passAdmitted;
      passes.push({
        phase,
        depth,
        admitted: passAdmitted,
        reasonsWritten,
        passMs,
        admitMs,
      });
      return admitMs;
    };

    await createMinimumNodes(admission, queue, workspace);
    const before = await measureMemory();
    console.log(`before enqueueing: ${describeMemory(before)}`);

    // Fill the queue (all but the few submitted through the engine later).
    // Only the few submitted later stay referenced, so the memory figures
    // show what the engine keeps, not the bench's own copy of the workloads.
    let all: NewWorkload[] | undefined = generateWorkloads(
      opts,
      projectIds,
      runtime.id,
    );
    const viaStore = all.slice(0, all.length - opts.submits);
    const viaEngine = all.slice(all.length - opts.submits);
    all = undefined;
    // Each insert is its own transaction, as in WorkloadEngine.enqueue. On
    // SQLite the fill runs with synchronous=OFF (10,000 fsyncs would take a
    // minute); the admission passes later run with the default (FULL).
    if (db.kind === 'sqlite') await knex.raw('PRAGMA synchronous = OFF');
    const t0Enqueue = performance.now();
    let enqueuedCount = 0;
    for (const w of viaStore) {
      if (opts.deadline.expired) break;
      await workloads.insert(w);
      enqueuedCount++;
    }
    const enqueueMs = performance.now() - t0Enqueue;
    if (db.kind === 'sqlite') await knex.raw('PRAGMA synchronous = FULL');
    viaStore.length = 0;
    const queuedMem = await measureMemory();
    console.log(
      `${enqueuedCount} queued via WorkloadStore.insert${
        db.kind === 'sqlite' ? ' (synchronous=OFF)' : ''
      } in ${ms(enqueueMs)}: ` +
        `${fmt((enqueuedCount / enqueueMs) * 1000, 0)} inserts/s`,
    );
    console.log(`after queueing: ${describeMemory(queuedMem)}`);

    const tWall = performance.now();
    const random = rng(opts.seed + 1);
    const running: string[] = [];
    let finishMs = 0;
    let finishTransitions = 0;
    const submitMs: number[] = [];
    let sampleReason: string | undefined;
    let waitingOnQuota = 0;
    const maxTicks = opts.workloads * 4 + 100;
    let tick = 0;
    for (
      ;
      tick < maxTicks &&
      admittedTotal < opts.workloads &&
      !opts.deadline.expired;
      tick++
    ) {
      if (tick > 0) {
        // The no-op driver "runs" what was started and ends about half of
        // what runs, as the reconciler would record it.
        const t0 = performance.now();
        await knex.transaction(async tx => {
          const now = new Date().toISOString();
          for (const id of driver.drainStarted()) {
            await workloads.transition(
              id,
              { from: ['starting'], attempt: 1 },
              'running',
              { reason: 'running', started_at: now, last_activity_at: now },
              tx,
            );
            running.push(id);
            finishTransitions++;
          }
          const keep: string[] = [];
          let ended = 0;
          for (const id of running) {
            if (
              random() < opts.finishFraction ||
              (ended === 0 && id === running[running.length - 1])
            ) {
              await workloads.transition(
                id,
                { from: ['running'], attempt: 1 },
                'succeeded',
                { reason: 'exited with code 0', exit_code: 0, ended_at: now },
                tx,
              );
              ended++;
              finishTransitions++;
            } else {
              keep.push(id);
            }
          }
          running.length = 0;
          running.push(...keep);
        });
        finishMs += performance.now() - t0;
      }
      await runAdmission('tick', () => engine.admit(workspace));
      if (opts.memEvery && tick % opts.memEvery === 0) {
        const m = memory();
        console.log(
          `  tick ${tick}: ${admittedTotal} admitted, depth ${
            passes[passes.length - 1].depth
          }, ` +
            `RSS ${fmt(m.rssMiB)} MiB, anonymous ${fmt(
              m.anonMiB,
            )} MiB, V8 heap used ${fmt(m.heapMiB)} MiB (no GC)`,
        );
      }

      if (tick === 0) {
        const waiting = await knex('workloads')
          .where({ workspace: WORKSPACE, state: 'queued' })
          .where('reason', 'like', '% uses %');
        waitingOnQuota = waiting.length;
        sampleReason = waiting[0]?.reason;
        // Submitting into a deep queue: each submit runs a full pass.
        for (const w of viaEngine) {
          if (opts.deadline.expired) break;
          const elapsed = await runAdmission('submit', () =>
            engine.enqueue({
              kind: 'job',
              name: w.name,
              project: {
                id: w.projectId,
                name: w.env.ML_PROJECT_NAME,
                workspace: WORKSPACE,
                owner: w.chargedSubject,
              },
              runtimeId: runtime.id,
              profile: w.profile,
              resources: w.resources,
              requester: w.requester,
              args: w.args,
              env: w.env,
            }),
          );
          submitMs.push(elapsed);
        }
      }
    }
    const wallMs = performance.now() - tWall;
    const completed = admittedTotal >= opts.workloads;
    if (!completed) {
      console.log(
        `!! stopped after ${tick} ticks with ${admittedTotal} of ${opts.workloads} admitted ` +
          `(${opts.deadline.expired ? 'time budget spent' : 'tick limit'})`,
      );
    }

    // End what still runs, then look at the final states.
    await knex.transaction(async tx => {
      const now = new Date().toISOString();
      for (const id of driver.drainStarted()) {
        await workloads.transition(
          id,
          { from: ['starting'], attempt: 1 },
          'running',
          { reason: 'running', started_at: now },
          tx,
        );
        running.push(id);
      }
      for (const id of running) {
        await workloads.transition(
          id,
          { from: ['running'], attempt: 1 },
          'succeeded',
          { reason: 'exited with code 0', exit_code: 0, ended_at: now },
          tx,
        );
      }
    });
    const stateRows = await knex('workloads')
      .groupBy('state')
      .select('state')
      .count({ n: '*' });
    const states = Object.fromEntries(
      stateRows.map((r: any) => [r.state, Number(r.n)]),
    );
    const done = await measureMemory();
    const gcAvailable = Boolean((globalThis as any).gc);

    // Raw baseline on a second database with the same rows: per admitted
    // workload an UPDATE of its state and an INSERT of its event, in
    // transactions of the sizes the passes had.
    // The same kind of workloads again (new ids; it is another database).
    const again = generateWorkloads(opts, projectIds, runtime.id);
    const raw = await rawBaseline(
      rawDb,
      again,
      passes.map(p => p.admitted).filter(n => n > 0),
      opts,
    );
    const pureAdmitMs = pureAdmission(again, opts);

    return {
      label,
      where: db.where,
      admitted: admittedTotal,
      passes,
      enqueueMs,
      enqueued: enqueuedCount,
      submitMs,
      finishMs,
      finishTransitions,
      wallMs,
      ...raw,
      pureAdmitMs,
      profile,
      mem: { before, queued: queuedMem, done },
      gcAvailable,
      states,
      sampleReason,
      waitingOnQuota,
      completed,
    };
  } finally {
    await db.destroy();
    await rawDb.destroy();
    await fs.rm(storage, { recursive: true, force: true });
  }
}

async function rawBaseline(
  rawDb: BenchDb,
  all: NewWorkload[],
  batches: number[],
  opts: Options,
) {
  const knex = rawDb.knex;
  const now = new Date().toISOString();
  const rows = all.map(w => ({
    id: w.id,
    kind: w.kind,
    name: w.name ?? null,
    project_id: w.projectId,
    workspace: w.workspace,
    runtime_id: w.runtimeId,
    profile: w.profile ?? null,
    cpu_millis: Math.round(w.resources.cpu * 1000),
    memory_mib: w.resources.memoryMiB,
    gpu: w.resources.gpu,
    charged_subject: w.chargedSubject,
    requester: w.requester,
    priority: 0,
    state: 'queued',
    reason: 'waiting for admission',
    attempt: 1,
    max_attempts: w.maxAttempts,
    retry_backoff_seconds: w.retryBackoffSeconds,
    args: JSON.stringify(w.args),
    env: JSON.stringify(w.env),
    ports: JSON.stringify(w.ports),
    timeout_seconds: null,
    idle_timeout_seconds: null,
    node_id: null,
    job_id: null,
    trigger: null,
    idempotency_key: null,
    exit_code: null,
    queued_at: now,
    retry_at: null,
    started_at: null,
    ended_at: null,
    last_activity_at: null,
    created_at: now,
    updated_at: now,
  }));
  await knex.transaction(async tx => {
    for (let i = 0; i < rows.length; i += 100)
      await tx('workloads').insert(rows.slice(i, i + 100));
  });

  // Reading the whole queue, as the first pass does: SQL vs mapping to objects.
  const reads: number[] = [];
  const maps: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    const queued = await knex('workloads')
      .where({ workspace: WORKSPACE, state: 'queued' })
      .where(q => q.whereNull('retry_at').orWhere('retry_at', '<=', now))
      .orderBy('priority', 'desc')
      .orderBy('queued_at', 'asc')
      .orderBy('id', 'asc');
    const t1 = performance.now();
    queued.map(toWorkload);
    maps.push(performance.now() - t1);
    reads.push(t1 - t0);
  }

  const nodeId = uuid();
  let next = 0;
  let rawRows = 0;
  const t0 = performance.now();
  for (const size of batches) {
    if (opts.deadline.expired) break;
    const ids = rows.slice(next, next + size).map(r => r.id);
    next += size;
    await knex.transaction(async tx => {
      const at = new Date().toISOString();
      for (const id of ids) {
        await tx('workloads')
          .where({ id, state: 'queued', attempt: 1 })
          .update({
            state: 'starting',
            node_id: nodeId,
            reason: 'admitted',
            retry_at: null,
            updated_at: at,
          });
        await tx('workload_events').insert({
          workload_id: id,
          attempt: 1,
          at,
          from_state: 'queued',
          to_state: 'starting',
          reason: 'admitted',
        });
      }
    });
    rawRows += ids.length;
  }
  const rawMs = performance.now() - t0;
  return {
    rawMs,
    rawRows,
    rawBatches: batches.length,
    rawReadMs: summarize(reads).p50,
    rawMapMs: summarize(maps).p50,
  };
}

/** The pure decision function alone, on the full queue with every quota in use. */
function pureAdmission(all: NewWorkload[], opts: Options): number {
  const queued: QueuedWorkload[] = all.map((w, i) => ({
    id: w.id,
    subject: w.chargedSubject,
    request: w.resources,
    queuedAtMs: Date.now() - 60_000 + i,
  }));
  const usage = new Map<string, ResourceLimits>();
  for (let s = 0; s < opts.subjects; s++) {
    usage.set(subjectName(s, opts.subjects), {
      cpu: opts.quotaCpu,
      memoryMiB: 4096,
      gpu: 0,
    });
  }
  const nodes: NodeSlot[] = Array.from({ length: GROUP.minNodes }, (_, i) => ({
    id: `n${i}`,
    group: GROUP.name,
    capacity: { cpu: GROUP.cpu, memoryMiB: GROUP.memoryMiB, gpu: 0 },
    allocated: {
      cpu: (opts.subjects * opts.quotaCpu) / GROUP.minNodes,
      memoryMiB: 0,
      gpu: 0,
    },
  }));
  const limit: ResourceLimits = {
    cpu: opts.quotaCpu,
    memoryMiB: MEMORY_QUOTA_MIB,
    gpu: 0,
  };
  const times: number[] = [];
  for (let rep = 0; rep < 7; rep++) {
    const t0 = performance.now();
    admit({
      nowMs: Date.now(),
      queued,
      usageBySubject: usage,
      limitFor: () => limit,
      nodes,
      groups: [GROUP],
      starvationMs: STARVATION_MS,
    });
    times.push(performance.now() - t0);
  }
  return summarize(times).p50;
}

function report(r: ScenarioResult, opts: Options) {
  header(`results: ${r.label}`);
  const ticks = r.passes.filter(p => p.phase === 'tick');
  const passSum = r.passes.reduce((a, p) => a + p.passMs, 0);
  const admitSum = r.passes.reduce((a, p) => a + p.admitMs, 0);
  const decisions = r.passes.reduce((a, p) => a + p.depth, 0);
  const reasons = r.passes.reduce((a, p) => a + p.reasonsWritten, 0);
  const admissionsPerSec = (r.admitted / passSum) * 1000;
  const admissionsPerSecInclStart = (r.admitted / admitSum) * 1000;
  const endToEnd = (r.admitted / r.wallMs) * 1000;
  const rawPerSec = (r.rawRows / r.rawMs) * 1000;
  const withAdmits = r.passes.filter(p => p.admitted > 0);

  console.log(`database: ${r.where}`);
  console.log(
    `admitted ${r.admitted} of ${opts.workloads} in ${r.passes.length} passes ` +
      `(${ticks.length} ticks + ${r.passes.length - ticks.length} submits)${
        r.completed ? '' : '  [INCOMPLETE]'
      }`,
  );
  console.log(`final states: ${JSON.stringify(r.states)}`);
  console.log(
    `after the first pass ${r.waitingOnQuota} workloads waited on quota, e.g. "${r.sampleReason}"`,
  );
  console.log('');
  console.log(
    `admissions/s (admitted / time in AdmissionService.pass):        ${fmt(
      admissionsPerSec,
      0,
    )}`,
  );
  console.log(
    `admissions/s incl. handing to the driver (WorkloadEngine.admit): ${fmt(
      admissionsPerSecInclStart,
      0,
    )}`,
  );
  console.log(
    `admissions/s end to end (wall clock incl. simulated finishes):   ${fmt(
      endToEnd,
      0,
    )}`,
  );
  console.log(
    `raw baseline: ${r.rawRows} x (UPDATE state + INSERT event) in ${r.rawBatches} transactions of the ` +
      `same sizes: ${ms(r.rawMs)} -> ${fmt(rawPerSec, 0)} rows/s`,
  );
  console.log(
    `ratio engine/raw (pass): ${fmt(admissionsPerSec / rawPerSec, 3)}  ` +
      `(engine is ${fmt(
        rawPerSec / admissionsPerSec,
        1,
      )}x slower than the bare writes)`,
  );
  console.log(
    `ratio engine/raw (incl. driver hand-off): ${fmt(
      admissionsPerSecInclStart / rawPerSec,
      3,
    )}`,
  );
  console.log('');
  console.log(
    statLine(
      'pass duration, all passes',
      summarize(r.passes.map(p => p.passMs)),
    ),
  );
  console.log(
    statLine(
      'pass duration, passes that admitted',
      summarize(withAdmits.map(p => p.passMs)),
    ),
  );
  console.log(
    statLine(
      'WorkloadEngine.admit (pass + starts)',
      summarize(r.passes.map(p => p.admitMs)),
    ),
  );
  const lat = withAdmits.map(p => p.passMs);
  const weights = withAdmits.map(p => p.admitted);
  console.log(
    `per admitted workload, quota freed -> admission committed: p50=${ms(
      weightedPercentile(lat, weights, 50),
    )} ` +
      `p99=${ms(
        weightedPercentile(lat, weights, 99),
      )} (each workload counts the pass that admitted it)`,
  );
  // The first pass is special: the whole queue, and every reason rewritten.
  const steady = withAdmits.slice(1);
  console.log(
    `  the same without the first pass (steady state): p50=${ms(
      weightedPercentile(
        steady.map(p => p.passMs),
        steady.map(p => p.admitted),
        50,
      ),
    )} p99=${ms(
      weightedPercentile(
        steady.map(p => p.passMs),
        steady.map(p => p.admitted),
        99,
      ),
    )}; first pass: ${ms(withAdmits[0]?.passMs ?? NaN)} for ${
      withAdmits[0]?.admitted
    } admissions, ${r.passes[0]?.reasonsWritten} reasons rewritten`,
  );
  const perDecision = r.passes
    .filter(p => p.depth > 0)
    .map(p => p.passMs / p.depth);
  const perAdmit = withAdmits.map(p => p.passMs / p.admitted);
  console.log(
    statLine(
      'pass time / decisions (every queued workload gets one)',
      summarize(perDecision),
    ),
  );
  console.log(statLine('pass time / admissions', summarize(perAdmit)));
  console.log(
    `decisions made: ${decisions} (queue depth summed over passes); queued reasons rewritten: ${reasons}`,
  );
  console.log(
    `queue depth per pass: first ${r.passes[0]?.depth}, mean ${fmt(
      decisions / r.passes.length,
      0,
    )}; ` + `admitted per tick: mean ${fmt(r.admitted / r.passes.length, 1)}`,
  );
  if (r.submitMs.length) {
    console.log(
      statLine(
        `engine.enqueue (insert + full pass) with ~${ticks[0]?.depth} queued`,
        summarize(r.submitMs),
      ),
    );
  }
  console.log(
    `enqueue: ${r.enqueued} WorkloadStore.insert (own transaction each${
      r.where.endsWith('.sqlite') ? ', synchronous=OFF' : ''
    }) in ${ms(r.enqueueMs)} = ` +
      `${fmt((r.enqueued / r.enqueueMs) * 1000, 0)}/s; simulated finishes: ${
        r.finishTransitions
      } transitions in ${ms(r.finishMs)}`,
  );
  console.log('');
  console.log(
    'where pass time goes (summed over all passes, inside AdmissionService.pass):',
  );
  const rows = [...r.profile.byName.entries()].sort(
    (a, b) => b[1].ms - a[1].ms,
  );
  let accounted = 0;
  for (const [name, e] of rows) {
    accounted += e.ms;
    console.log(
      `  ${name.padEnd(34)} ${fmt(e.ms, 0).padStart(8)} ms  ${fmt(
        (100 * e.ms) / passSum,
        1,
      ).padStart(5)}%  ` +
        `${String(e.calls).padStart(6)} calls  ${fmt(
          (e.ms / e.calls) * 1000,
          0,
        )} us/call`,
    );
  }
  const other = passSum - accounted;
  console.log(
    `  ${'other (quotas read, admit(), maps)'.padEnd(34)} ${fmt(
      other,
      0,
    ).padStart(8)} ms  ` + `${fmt((100 * other) / passSum, 1).padStart(5)}%`,
  );
  const startMs = admitSum - passSum;
  console.log(
    `  after the pass, WorkloadEngine.start of the admitted (concurrently; runtimes.get + driver.start each): ` +
      `${fmt(startMs, 0)} ms = ${fmt(
        (startMs / r.admitted) * 1000,
        0,
      )} us per admission`,
  );
  console.log(
    `reading all ${opts.workloads} queued rows once: SQL ${ms(
      r.rawReadMs,
    )} + toWorkload ${ms(r.rawMapMs)}`,
  );
  console.log(
    `pure admit() over ${opts.workloads} queued with every quota in use: ${ms(
      r.pureAdmitMs,
    )} ` +
      `(${fmt((r.pureAdmitMs / opts.workloads) * 1000, 2)} us per decision)`,
  );
  console.log('');
  const m = r.mem;
  console.log(
    `memory${
      r.gcAvailable
        ? ' (after a full GC each time)'
        : ' (no --expose-gc: no GC before measuring)'
    }:`,
  );
  console.log(`  before enqueueing:   ${describeMemory(m.before)}`);
  console.log(`  ${opts.workloads} queued:       ${describeMemory(m.queued)}`);
  console.log(`  all done:            ${describeMemory(m.done)}`);
  console.log(
    `  growth: queued-before ${fmt(
      m.queued.rssMiB - m.before.rssMiB,
    )} MiB, done-before ` +
      `${fmt(m.done.rssMiB - m.before.rssMiB)} MiB RSS; heap done-before ${fmt(
        m.done.heapMiB - m.before.heapMiB,
      )} MiB`,
  );
  console.log('');
  console.log(
    `goal >= 1,000 admissions/s: ${
      admissionsPerSec >= 1000 ? 'met' : 'NOT met'
    } (${fmt(admissionsPerSec, 0)}/s); ` +
      `goal p99 <= 20 ms per admission decision (quota freed -> committed): ` +
      `${weightedPercentile(lat, weights, 99) <= 20 ? 'met' : 'NOT met'} (${ms(
        weightedPercentile(lat, weights, 99),
      )}); ` +
      `pass time per decision p99 ${ms(summarize(perDecision).p99)}`,
  );
}

async function main() {
  const args = parseArgs();
  const opts: Options = {
    workloads: numberArg(args, 'workloads', 10_000),
    subjects: numberArg(args, 'subjects', 50),
    quotaCpu: numberArg(args, 'quota-cpu', 4),
    finishFraction: numberArg(args, 'finish', 0.5),
    submits: Math.min(numberArg(args, 'submits', 10), 100),
    seed: numberArg(args, 'seed', 1),
    memEvery: args.has('mem-every') ? numberArg(args, 'mem-every', 20) : 0,
    deadline: new Deadline(0),
  };
  const maxSeconds = numberArg(args, 'max-seconds', 160);
  console.log(`admission bench | ${machine()}`);
  console.log(
    `options: ${JSON.stringify({ ...opts, deadline: undefined, maxSeconds })}`,
  );
  if (!(globalThis as any).gc)
    console.log(
      'note: run node with --expose-gc for memory figures after a GC',
    );
  const pgArg = args.get('pg');
  const pgUrl =
    typeof pgArg === 'string'
      ? pgArg
      : process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  const scenarios: Array<[string, DbOpener]> = [];
  if (!args.has('no-sqlite'))
    scenarios.push(['SQLite (better-sqlite3, temp file)', sqliteOpener()]);
  if (pgUrl) scenarios.push(['Postgres', pgOpener(pgUrl)]);
  const mem0 = memory();
  console.log(`process at start: ${describeMemory(mem0)}`);
  // With both databases, Postgres (a round trip per statement) gets 60 % of
  // the time budget; whatever one leaves unused goes to the next.
  const started = Date.now();
  for (const [i, [label, open]] of scenarios.entries()) {
    const left = maxSeconds - (Date.now() - started) / 1000;
    const share = i === scenarios.length - 1 ? 1 : 0.4;
    const scenarioOpts = { ...opts, deadline: new Deadline(left * share) };
    report(await runScenario(label, open, scenarioOpts), scenarioOpts);
  }
  const end = await measureMemory();
  console.log(`\nprocess at end: ${describeMemory(end)}`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
