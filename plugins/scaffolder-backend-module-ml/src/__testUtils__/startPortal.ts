import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
// The ML backend plugin itself is what the actions talk to in these tests (a dev dependency only).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import mlPlugin from '@ml-platform/plugin-ml-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import {
  PYTHON_RUNTIME,
  intervalSchedulerFactory,
  removeStorage,
  stopLocalWorkloads,
} from '@ml-platform/plugin-ml-backend/testUtils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { scaffolderModuleMl } from '../module';

/** The repository's templates/ folder. */
export const TEMPLATES_DIR = path.resolve(__dirname, '../../../../templates');

/** A template file of the repository as the catalog would hold it (file location). */
export async function loadTemplate(file: string) {
  const target = path.join(TEMPLATES_DIR, file);
  const entity = yaml.parse(await fs.readFile(target, 'utf8'));
  entity.metadata.namespace = 'default';
  entity.metadata.annotations = {
    'backstage.io/managed-by-location': `file:${target}`,
    'backstage.io/managed-by-origin-location': `file:${target}`,
  };
  return entity;
}

export const USER = 'user:default/jane';

export interface Portal {
  baseUrl: string;
  /** fetch against the portal as USER; JSON in, JSON out. */
  call(
    method: string,
    urlPath: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/**
 * A backend with the scaffolder, this module, the ML plugin on the local
 * process driver (demo seed, python3 runtime, a fresh storage folder) and a
 * catalog mock holding the given templates.
 */
export async function startPortal(
  templates: object[],
  db: { databases: TestDatabases; databaseId: TestDatabaseId },
): Promise<Portal> {
  const storageRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-templates-'));
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleMl,
      mlPlugin,
      catalogServiceMock.factory({ entities: templates as any[] }),
      intervalSchedulerFactory,
      // A fresh database per plugin, as in production (each runs its own migrations).
      createServiceFactory({
        service: coreServices.database,
        deps: {},
        async factory() {
          const knex = await db.databases.init(db.databaseId);
          return { getClient: async () => knex };
        },
      }),
      mockServices.rootConfig.factory({
        data: {
          ml: {
            storage: { root: storageRoot },
            seed: { demo: true },
            // Room for the replicas and apps of all templates at once (the default is 2 vCPU).
            defaultUserQuota: { cpu: 8, memoryMiB: 32768 },
            runtimes: [{ ...PYTHON_RUNTIME, shortVersion: '2026.11' }],
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as { port: number };
  const baseUrl = `http://localhost:${port}`;
  return {
    baseUrl,
    async call(method, urlPath, body) {
      const response = await fetch(`${baseUrl}${urlPath}`, {
        method,
        headers: {
          Authorization: mockCredentials.user.header(USER),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: kept as text
      }
      return { status: response.status, body: parsed };
    },
    async stop() {
      // The scaffolder's task event poll (GET /v2/tasks/:id/events) notices
      // it was unsubscribed only after its next one-second sleep; a poll
      // still running when the database closes rejects unhandled and fails
      // whichever test file runs next in this jest worker.
      await new Promise(resolve => setTimeout(resolve, 2_500));
      await backend.stop();
      await stopLocalWorkloads(storageRoot);
      await removeStorage(storageRoot);
    },
  };
}
