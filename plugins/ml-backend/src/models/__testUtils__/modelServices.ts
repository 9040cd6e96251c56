import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  createProfileSchema,
  createProjectSchema,
  createRuntimeSchema,
  createWorkspaceSchema,
} from '@ml-platform/plugin-ml-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readMlConfig } from '../../config';
import { createMlBackend } from '../../createMlBackend';
import { PYTHON_RUNTIME } from '../../__testUtils__/apiFixtures';
import {
  removeStorage,
  stopLocalWorkloads,
} from '../../__testUtils__/localStorage';

export const sdkPath = path.resolve(__dirname, '../../../../../sdk/python');

/**
 * The plugin's services on a fresh database with the real local driver, and
 * the periodic chores (engine reconcile, build sweep, deployment reconcile)
 * ticking every 100 ms as the plugin's scheduler would run them.
 */
export async function startModelServices(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: { drainSeconds?: number } = {},
) {
  const knex = await migratedDatabase(databases, databaseId);
  const storageRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-models-'));
  const config = readMlConfig(
    new ConfigReader({
      ml: {
        storage: { root: storageRoot },
        serving: { drainSeconds: options.drainSeconds ?? 1 },
      },
    }),
  );
  const services = createMlBackend({
    db: knex,
    config,
    logger: mockServices.logger.mock(),
    extraDrivers: [],
    notifiers: [],
    apiUrl: 'http://127.0.0.1:7007/api/ml',
    sdkPath,
  });
  await services.runtimes.seed([createRuntimeSchema.parse(PYTHON_RUNTIME)]);
  const actor = 'user:default/jane';
  await services.workspaces.create(
    createWorkspaceSchema.parse({
      name: 'ws',
      nodeGroups: [
        {
          name: 'standard',
          cpu: 16,
          memoryMiB: 65536,
          minNodes: 1,
          maxNodes: 1,
        },
      ],
      env: { LEVEL: 'workspace' },
    }),
    actor,
  );
  await services.profiles.create(
    'ws',
    createProfileSchema.parse({ name: 'small', cpu: 0.5, memoryMiB: 512 }),
  );
  await services.profiles.create(
    'ws',
    createProfileSchema.parse({ name: 'tiny', cpu: 0.25, memoryMiB: 256 }),
  );
  const project = await services.projects.create(
    createProjectSchema.parse({
      workspace: 'ws',
      name: 'models',
      owner: actor,
      env: { LEVEL: 'project' },
    }),
    actor,
  );
  const runtimeId = (
    await services.runtimes.list({ sort: [], pageSize: 1, offset: 0 } as any)
  ).items[0].id;

  let stopped = false;
  let busy = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      await services.reconciler.reconcile();
      await services.modelBuilds.sweep();
      await services.modelDeploymentReconciler.reconcile();
    } catch {
      // The next tick tries again, as the scheduler would.
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, 100);

  return {
    services,
    knex,
    storageRoot,
    project,
    runtimeId,
    actor,
    write: (file: string, content: string) =>
      services.files.write(project.id, file, Buffer.from(content)),
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (busy) await new Promise(r => setTimeout(r, 20));
      await stopLocalWorkloads(storageRoot);
      await knex.destroy();
      await removeStorage(storageRoot);
    },
  };
}

export type ModelServicesHarness = Awaited<
  ReturnType<typeof startModelServices>
>;
