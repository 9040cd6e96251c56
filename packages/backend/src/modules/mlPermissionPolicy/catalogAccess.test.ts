import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import catalogModuleMl from '@ml-platform/plugin-catalog-backend-module-ml';
import mlPlugin from '@ml-platform/plugin-ml-backend';
import {
  createTestDatabases,
  membershipUserInfoFactory,
  STANDARD_NODE_GROUP,
} from '@ml-platform/plugin-ml-backend/testUtils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { permissionModuleMlPolicy } from './module';
import { onBehalfOfAuthFactory } from './__testUtils__/onBehalfOfAuth';

/**
 * The portal's policy over the software catalog, as the portal runs it: the
 * real ML backend, the catalog with the ML module and the permission
 * backend, each plugin on its own test database (SQLite and Postgres). The
 * catalog reads private projects and their collaborators with its service
 * token, and each user gets the entities of the projects they read.
 */

jest.setTimeout(120_000);
const databases = createTestDatabases();

const ref = (name: string) => `user:default/${name}`;
const MEMBERSHIPS = { [ref('wanda')]: ['group:default/ml-platform-admins'] };

/** Polls until `probe` returns something, or fails after 45 s. */
async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe.each(databases.eachSupportedId())(
  'the portal policy over the catalog (%s)',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let storageRoot: string;
    const as = (name: string) => ({
      Authorization: mockCredentials.user.header(ref(name)),
    });

    /** The refs of the ML workspace's entities a user gets from the catalog. */
    async function refsFor(name: string): Promise<string[]> {
      const res = await request(backend.server)
        .get('/api/catalog/entities/by-query')
        .query({ filter: 'metadata.namespace=lab', limit: 100 })
        .set(as(name))
        .expect(200);
      return res.body.items.map((e: Entity) => stringifyEntityRef(e)).sort();
    }

    beforeAll(async () => {
      storageRoot = await fs.mkdtemp(
        path.join(os.tmpdir(), 'ml-catalog-access-'),
      );
      backend = await startTestBackend({
        features: [
          mlPlugin,
          catalogPlugin,
          catalogModuleMl,
          permissionPlugin,
          permissionModuleMlPolicy,
          permissionsServiceFactory,
          onBehalfOfAuthFactory,
          membershipUserInfoFactory(MEMBERSHIPS),
          eventsServiceFactory,
          // A database of its own for each plugin, as in production.
          createServiceFactory({
            service: coreServices.database,
            deps: {},
            async factory() {
              const knex = await databases.init(databaseId);
              return { getClient: async () => knex };
            },
          }),
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
              events: { useEventBus: 'never' },
              ml: {
                storage: { root: storageRoot },
                access: {
                  workspaceAdmins: ['group:default/ml-platform-admins'],
                },
              },
              catalog: {
                providers: {
                  ml: {
                    // Only change events: the scheduled read is an hour away.
                    schedule: {
                      frequency: { hours: 1 },
                      timeout: { minutes: 1 },
                      initialDelay: { hours: 1 },
                    },
                  },
                },
              },
            },
          }),
        ],
      });
      const api = (method: 'post' | 'put', url: string, name: string) =>
        request(backend.server)[method](`/api/ml${url}`).set(as(name));
      await api('post', '/workspaces', 'wanda')
        .send({ name: 'lab', nodeGroups: [STANDARD_NODE_GROUP] })
        .expect(201);
      const secret = await api('post', '/projects', 'olivia')
        .send({ workspace: 'lab', name: 'secret', visibility: 'private' })
        .expect(201);
      await api('post', `/projects/${secret.body.id}/models`, 'olivia')
        .send({ name: 'classifier' })
        .expect(201);
      await api(
        'put',
        `/projects/${secret.body.id}/collaborators/${encodeURIComponent(
          ref('vera'),
        )}`,
        'olivia',
      )
        .send({ role: 'viewer' })
        .expect(200);
      const open = await api('post', '/projects', 'olivia')
        .send({ workspace: 'lab', name: 'open', visibility: 'public' })
        .expect(201);
      await api('post', `/projects/${open.body.id}/models`, 'olivia')
        .send({ name: 'prophet' })
        .expect(201);

      await waitFor(async () => {
        const res = await request(backend.server)
          .get('/api/catalog/entities/by-name/project/lab/secret')
          .set(as('wanda'));
        return (
          res.body?.metadata?.mlReaders as string[] | undefined
        )?.includes(ref('vera'))
          ? true
          : undefined;
      }, 'the private project with its collaborator among the readers');
      // The provider emits models and their APIs apart: wait for all of them.
      const modelRefs = [
        'api:lab/open.prophet',
        'model:lab/open.prophet',
        'model:lab/secret.classifier',
      ];
      await waitFor(async () => {
        const refs = await refsFor('wanda');
        return modelRefs.every(r => refs.includes(r)) ? true : undefined;
      }, 'both projects and their models in the catalog');
    });

    afterAll(async () => {
      await backend?.stop();
      await fs.rm(storageRoot, {
        recursive: true,
        force: true,
        maxRetries: 10,
        retryDelay: 100,
      });
    });

    const SECRET = [
      'api:lab/secret.classifier',
      'model:lab/secret.classifier',
      'project:lab/secret',
      // Each project's System, hidden like the project.
      'system:lab/secret',
    ];
    const OPEN = [
      'api:lab/open.prophet',
      'model:lab/open.prophet',
      'project:lab/open',
      'system:lab/open',
    ];
    const all = [...SECRET, ...OPEN].sort();

    it('shows a private project, its system, model and API to owner, collaborator and workspace admin only', async () => {
      expect(await refsFor('olivia')).toEqual(all);
      expect(await refsFor('vera')).toEqual(all);
      expect(await refsFor('wanda')).toEqual(all);
      expect(await refsFor('nina')).toEqual([...OPEN].sort());
      const hidden = await request(backend.server)
        .get('/api/catalog/entities/by-name/model/lab/secret.classifier')
        .set(as('nina'));
      expect(hidden.status).toBe(404);
    });
  },
);
