import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { mlPlugin } from '../plugin';
import { intervalSchedulerFactory } from './intervalScheduler';
import { removeStorage, stopLocalWorkloads } from './localStorage';
import { ADMIN_TABLES } from './tables';

/** The demo workspace's node group, reused by tests that create workspaces. */
export const STANDARD_NODE_GROUP = {
  name: 'standard',
  cpu: 4,
  memoryMiB: 16384,
  minNodes: 1,
  maxNodes: 3,
};

export interface MlTestBackend {
  server: Parameters<typeof request>[0];
  knex: Knex;
  storageRoot: string;
  /**
   * Rows of the given tables (default: all) plus the project files: compare
   * before/after. The driver's own state changes in the background, so it is
   * left out.
   */
  snapshot(tables?: string[]): Promise<unknown>;
  stop(): Promise<void>;
}

async function listTree(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await fs
      .readdir(dir, { withFileTypes: true })
      .catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // The driver's own state changes in the background; it is no request's doing.
      if (dir === root && entry.name === 'local-driver') continue;
      const stat = await fs.lstat(full).catch(() => undefined);
      if (!stat) continue;
      out.push(`${path.relative(root, full)}:${stat.size}:${stat.mtimeMs}`);
      if (entry.isDirectory()) await walk(full);
    }
  };
  await walk(root);
  return out.sort();
}

export interface MlTestBackendOptions {
  config?: object;
  features?: any[];
  /** Top-level config next to `ml` (e.g. `backend.database`). */
  rootConfig?: object;
  /** Runs before the backend starts, e.g. to put files in its storage. */
  beforeStart?: (storageRoot: string) => Promise<void>;
}

/** Starts the ML plugin alone on a fresh database and a fresh storage folder. */
export async function startMlBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: MlTestBackendOptions = {},
): Promise<MlTestBackend> {
  const knex = await databases.init(databaseId);
  const storageRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-test-'));
  await options.beforeStart?.(storageRoot);
  const testBackend = await startTestBackend({
    features: [
      mlPlugin,
      mockServices.database.factory({ knex }),
      intervalSchedulerFactory,
      mockServices.rootConfig.factory({
        data: {
          ...options.rootConfig,
          ml: {
            ...options.config,
            storage: { ...(options.config as any)?.storage, root: storageRoot },
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  const tables = [...ADMIN_TABLES, 'jobs', 'workloads', 'workload_events'];
  return {
    server: testBackend.server,
    knex,
    storageRoot,
    async snapshot(only?: string[]) {
      const rows: Record<string, unknown> = {};
      for (const table of only ?? tables) {
        rows[table] = await knex(table).select('*').orderByRaw('1');
      }
      return { rows, files: await listTree(storageRoot) };
    },
    async stop() {
      await testBackend.stop();
      await stopLocalWorkloads(storageRoot);
      await removeStorage(storageRoot);
    },
  };
}
