import { migratedDatabase } from './migratedDatabase';
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { NodeGroup } from '@ml-platform/plugin-ml-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ProjectStore,
  QueueStore,
  QuotaStore,
  RuntimeStore,
  WorkloadStore,
  WorkspaceStore,
} from '../database';
import { AdmissionService } from '../engine/AdmissionService';
import { PlatformEvents } from '../engine/PlatformEvents';
import { Reconciler } from '../engine/Reconciler';
import { SubmitWorkload, WorkloadEngine } from '../engine/WorkloadEngine';
import { ProjectFiles } from '../projects/ProjectFiles';
import { WorkloadTokens } from '../engine/WorkloadTokens';
import { EnvSecrets } from '../secrets/EnvSecrets';
import { FakeDriver } from './FakeDriver';
import { GROUP } from './nodeGroups';
import { PYTHON_RUNTIME_ROW, newProject, newWorkspace } from './storeRows';

/** The secret key of the harness's engine. */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7);

export { GROUP };

/** An engine on a real database with a fake driver and a hand-moved clock. */
export async function createEngineHarness(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: { nodeGroups?: NodeGroup[]; starvationMs?: number } = {},
) {
  const knex = await migratedDatabase(databases, databaseId);
  const clock = { now: Date.now() };
  const now = () => clock.now;
  const storage = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-engine-'));
  const workspaces = new WorkspaceStore(knex);
  const runtimes = new RuntimeStore(knex);
  const projects = new ProjectStore(knex);
  const workloads = new WorkloadStore(knex);
  const queue = new QueueStore(knex);
  const quotas = new QuotaStore(knex);
  const driver = new FakeDriver();
  const logger = mockServices.logger.mock();
  // A fixed key, so that tests can seal secrets for the engine themselves.
  const secrets = new EnvSecrets({
    key: TEST_SECRET_KEY,
    settings: { getOrCreate: async () => '' },
  });
  await workspaces.create(
    newWorkspace({
      owner: 'group:default/admins',
      nodeGroups: options.nodeGroups ?? [GROUP],
      defaultUserQuota: { cpu: 2, memoryMiB: 8192, gpu: 0 },
    }),
  );
  const runtime = await runtimes.create(PYTHON_RUNTIME_ROW);
  const admission = new AdmissionService({
    queue,
    starvationMs: options.starvationMs ?? 600_000,
    now,
  });
  const events = new PlatformEvents();
  const engine = new WorkloadEngine({
    events,
    workloads,
    workspaces,
    runtimes,
    admission,
    logger,
    files: new ProjectFiles(storage),
    driverFor: () => driver,
    apiUrl: 'http://127.0.0.1:7007/api/ml',
    // A fixed signing key: nothing here verifies tokens across restarts.
    tokens: new WorkloadTokens({ getOrCreate: async () => 'c2lnbmluZy1rZXk=' }),
    secrets,
    now,
    quotas,
  });
  const reconciler = new Reconciler({
    engine,
    workloads,
    workspaces,
    queue,
    logger,
    now,
    drivers: () => [driver],
    driverFor: () => driver,
    options: {
      maxBackoffSeconds: 60,
      nodeIdleMs: 300_000,
      startGraceMs: 30_000,
    },
  });
  const ended: string[] = [];
  events.on('workloadEnded', w => {
    ended.push(`${w.id}:${w.state}`);
  });

  const project = async (name: string, owner: string) => {
    const p = await projects.create(
      newProject(name, { owner, visibility: 'private', createdBy: owner }),
    );
    return { id: p.id, name: p.name, workspace: 'ws', owner };
  };
  const submit = (
    proj: SubmitWorkload['project'],
    cpu: number,
    extra: Partial<SubmitWorkload> = {},
  ) =>
    engine.submit({
      kind: 'job',
      project: proj,
      runtimeId: runtime.id,
      resources: { cpu, memoryMiB: 1024, gpu: 0 },
      requester: proj.owner,
      args: ['main.py'],
      env: {},
      ...extra,
    });

  return {
    knex,
    clock,
    driver,
    engine,
    reconciler,
    workloads,
    queue,
    quotas,
    ended,
    project,
    submit,
    secrets,
    state: async (id: string) => (await workloads.get(id))!,
    /** The spec the driver was given for a workload it runs. */
    specOf: (workloadId: string) =>
      [...driver.runs.values()].find(r => r.spec.workloadId === workloadId)
        ?.spec,
    cleanup: () =>
      fs.rm(storage, {
        recursive: true,
        force: true,
        maxRetries: 10,
        retryDelay: 100,
      }),
  };
}
