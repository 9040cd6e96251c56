import { TestDatabaseId, mockServices } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { JobStore } from './jobs/JobStore';
import { ModelStore } from '../models/ModelStore';
import {
  ProfileStore,
  ProjectStore,
  QueueStore,
  RuntimeStore,
  SettingsStore,
  WorkloadStore,
  WorkspaceStore,
  migrationsDir,
} from '../database';
import { FakeDriver } from '../__testUtils__/FakeDriver';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  PYTHON_RUNTIME_ROW,
  newProject,
  newWorkspace,
  oneNode,
} from '../__testUtils__/storeRows';
import { JobService } from './jobs/JobService';
import { ProjectFiles } from '../projects/ProjectFiles';
import { ProjectService } from '../projects/ProjectService';
import { WorkloadTokens } from '../engine/WorkloadTokens';
import { EnvSecrets } from '../secrets/EnvSecrets';
import { WorkspaceService } from '../platform/WorkspaceService';
import { AdmissionService } from '../engine/AdmissionService';
import { PlatformEvents } from '../engine/PlatformEvents';
import { WorkloadEngine } from '../engine/WorkloadEngine';
import { WorkloadLauncher } from '../engine/WorkloadLauncher';

jest.setTimeout(240_000);
const databases = createTestDatabases();
// Two backends need two connections to one shared database: Postgres only.
const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));
const describePostgres =
  postgres.length > 0
    ? describe.each(postgres)
    : describe.skip.each<[TestDatabaseId]>([['POSTGRES_15']]);

/** One backend replica: its own connection pool, engine and driver. */
function replica(knex: Knex, storage: string) {
  const workspaces = new WorkspaceStore(knex);
  const workloads = new WorkloadStore(knex);
  const queue = new QueueStore(knex);
  const runtimes = new RuntimeStore(knex);
  const profiles = new ProfileStore(knex);
  const files = new ProjectFiles(storage);
  const driver = new FakeDriver();
  const logger = mockServices.logger.mock();
  const secrets = new EnvSecrets({ settings: new SettingsStore(knex) });
  const engine = new WorkloadEngine({
    workloads,
    workspaces,
    runtimes,
    files,
    logger,
    admission: new AdmissionService({ queue, starvationMs: 3_600_000 }),
    driverFor: () => driver,
    apiUrl: 'http://127.0.0.1/api/ml',
    tokens: new WorkloadTokens(new SettingsStore(knex)),
    secrets,
  });
  const projectStore = new ProjectStore(knex);
  const projects = new ProjectService({
    projects: projectStore,
    files,
    secrets,
    workspaces: new WorkspaceService({
      workspaces,
      secrets,
      profiles,
      projects: projectStore,
      workloads,
      installedDrivers: () => ['local'],
    }),
    engine,
    events: new PlatformEvents(),
  });
  const jobs = new JobService({
    jobs: new JobStore(knex),
    projects,
    files,
    models: new ModelStore(knex),
    workloads,
    engine,
    launcher: new WorkloadLauncher({
      projects,
      workspaces,
      runtimes,
      profiles,
      engine,
    }),
    secrets,
    logger,
  });
  return { engine, jobs, driver, workloads, workspaces };
}

describePostgres(
  'two backends on one database (%s)',
  (databaseId: TestDatabaseId) => {
    let knexA: Knex;
    let knexB: Knex;
    let storage: string;

    beforeAll(async () => {
      knexA = await databases.init(databaseId);
      knexB = knexFactory(knexA.client.config);
      await knexA.migrate.latest({ directory: migrationsDir });
      storage = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-race-'));
      await new WorkspaceStore(knexA).create(
        newWorkspace({
          // Room for 25 at a time, so admission happens in many contended passes.
          nodeGroups: [oneNode(25, 1e6)],
          defaultUserQuota: { cpu: 1e6, memoryMiB: 1e9, gpu: 0 },
        }),
      );
      await new ProfileStore(knexA).create({
        workspace: 'ws',
        name: 'one',
        description: '',
        cpu: 1,
        memoryMiB: 1,
        gpu: 0,
      });
    });

    afterAll(async () => {
      await knexB.destroy();
      await fs.rm(storage, {
        recursive: true,
        force: true,
        maxRetries: 10,
        retryDelay: 100,
      });
    });

    it('starts each of 1,000 queued workloads exactly once', async () => {
      const a = replica(knexA, storage);
      const b = replica(knexB, storage);
      const runtime = await new RuntimeStore(knexA).create(PYTHON_RUNTIME_ROW);
      const project = await new ProjectStore(knexA).create(newProject('race'));
      for (let i = 0; i < 1000; i++) {
        await a.workloads.insert({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          kind: 'job',
          projectId: project.id,
          workspace: 'ws',
          runtimeId: runtime.id,
          resources: { cpu: 1, memoryMiB: 1, gpu: 0 },
          chargedSubject: 'group:default/a',
          requester: 'user:default/a',
          maxAttempts: 1,
          retryBackoffSeconds: 0,
          args: [],
          env: {},
          ports: [],
        });
      }
      const ws = (await a.workspaces.get('ws'))!;
      // Each replica admits, and "finishes" what it started, until the queue is empty.
      const drive = async (r: typeof a) => {
        for (let pass = 0; pass < 2000; pass++) {
          await r.engine.admit(ws);
          for (const run of r.driver.runs.values()) {
            await r.workloads.transition(
              run.spec.workloadId,
              { from: ['starting', 'running'] },
              'succeeded',
              { ended_at: new Date().toISOString() },
            );
          }
          r.driver.runs.clear();
          const left = await r.workloads.list({
            workspace: 'ws',
            states: ['queued', 'starting'],
            limit: 1,
          });
          if (left.totalSize === 0) return;
        }
      };
      await Promise.all([drive(a), drive(b)]);

      const started = [...a.driver.started, ...b.driver.started];
      expect(started).toHaveLength(1000);
      expect(new Set(started).size).toBe(1000);
      // Both replicas did real work: this was a race, not a relay.
      expect(a.driver.started.length).toBeGreaterThan(0);
      expect(b.driver.started.length).toBeGreaterThan(0);
      const [{ n }] = await knexA('workload_events')
        .where({ to_state: 'starting' })
        .count({ n: '*' });
      expect(Number(n)).toBe(1000);
    });

    it('enqueues each of 1,000 cron ticks exactly once', async () => {
      const a = replica(knexA, storage);
      const b = replica(knexB, storage);
      const runtime = (
        await new RuntimeStore(knexA).list({
          latestOnly: true,
          sort: [],
          pageSize: 1,
          offset: 0,
        })
      ).items[0];
      const project = await new ProjectStore(knexA).create(newProject('cron'));
      const start = Date.parse('2030-01-01T00:00:00Z');
      const jobIds: string[] = [];
      for (let j = 0; j < 10; j++) {
        const job = await new JobStore(knexA).create({
          id: `10000000-0000-4000-8000-${String(j).padStart(12, '0')}`,
          projectId: project.id,
          name: `job-${j}`,
          script: 'job.py',
          args: [],
          env: {},
          runtimeId: runtime.id,
          profile: 'one',
          maxRetries: 0,
          retryBackoffSeconds: 0,
          schedule: '* * * * *',
          timezone: 'UTC',
          enabled: true,
          createdBy: 'user:default/a',
        });
        jobIds.push(job.id);
      }
      await knexA('jobs')
        .whereIn('id', jobIds)
        .update({ last_tick_at: new Date(start).toISOString() });

      // 100 minutes x 10 jobs = 1,000 ticks, each evaluated by both replicas at once.
      for (let minute = 1; minute <= 100; minute++) {
        const now = new Date(start + minute * 60_000 + 500);
        await Promise.all([a.jobs.tick(now), b.jobs.tick(now)]);
        // Runs end before the next minute, so the one-active-run rule never hides a duplicate.
        await knexA('workloads')
          .whereIn('state', ['queued', 'starting', 'running'])
          .update({ state: 'succeeded' });
        a.driver.runs.clear();
        b.driver.runs.clear();
      }
      const rows = await knexA('workloads')
        .whereIn('job_id', jobIds)
        .select('job_id', 'trigger');
      expect(rows).toHaveLength(1000);
      expect(rows.every(r => r.trigger === 'schedule')).toBe(true);
      for (const id of jobIds) {
        expect(rows.filter(r => r.job_id === id)).toHaveLength(100);
      }
    });
  },
);
