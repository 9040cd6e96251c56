import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
// Both plugins in one backend is what this test is about.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import mlPlugin from '@ml-platform/plugin-ml-backend';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { catalogModuleMl } from './module';
import { providerConfig } from './__testUtils__/providerConfig';
import { waitFor } from './__testUtils__/waitFor';

jest.setTimeout(90_000);

/**
 * The real ML backend plugin and the catalog with this module in one
 * backend, as packages/backend runs them: a project created through the ML
 * API reaches the catalog through the ml.changes event, although the
 * scheduled full read runs only once an hour here, and so do changes of
 * who reads it (collaborators, visibility).
 */
describe('the ML backend and the catalog in one backend', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let storageRoot: string;

  beforeAll(async () => {
    storageRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-catalog-'));
    backend = await startTestBackend({
      features: [
        mlPlugin,
        catalogPlugin,
        catalogModuleMl,
        eventsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            events: { useEventBus: 'never' },
            ml: { storage: { root: storageRoot } },
            ...providerConfig({
              frequency: { hours: 1 },
              timeout: { minutes: 1 },
              initialDelay: { hours: 1 },
            }),
          },
        }),
      ],
    });
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

  const asUser = (req: request.Test) =>
    req.set('Authorization', mockCredentials.user.header());

  async function entity(ref: string) {
    const [kind, rest] = ref.split(':');
    const res = await asUser(
      request(backend.server).get(
        `/api/catalog/entities/by-name/${kind}/${rest}`,
      ),
    );
    return res.status === 200 ? res.body : undefined;
  }

  /** A workspace of one small node, through the ML API. */
  const createWorkspace = (workspace: { name: string; env?: object }) =>
    asUser(request(backend.server).post('/api/ml/workspaces'))
      .send({
        ...workspace,
        nodeGroups: [
          {
            name: 'standard',
            cpu: 4,
            memoryMiB: 8192,
            minNodes: 1,
            maxNodes: 1,
          },
        ],
      })
      .expect(201);

  it('shows a new workspace and project in the catalog within seconds', async () => {
    await createWorkspace({ name: 'lab' });
    const created = await asUser(
      request(backend.server).post('/api/ml/projects'),
    )
      .send({ workspace: 'lab', name: 'churn' })
      .expect(201);

    const project = await waitFor(
      () => entity('project:lab/churn'),
      'the project in the catalog',
    );
    expect(project.metadata.annotations['ml-platform.io/project-id']).toBe(
      created.body.id,
    );
    expect(project.relations).toEqual(
      expect.arrayContaining([
        { type: 'partOf', targetRef: 'workspace:default/lab' },
      ]),
    );
    expect(await entity('workspace:default/lab')).toBeDefined();

    await asUser(
      request(backend.server).delete(`/api/ml/projects/${created.body.id}`),
    ).expect(204);
    await waitFor(
      async () => ((await entity('project:lab/churn')) ? undefined : true),
      'the deleted project to leave the catalog',
    );
  });

  it('mirrors projects with secret env without any of their values', async () => {
    const value = 'catalog-must-not-see-this-7f3a';
    await createWorkspace({
      name: 'vault',
      env: { SITE_TOKEN: { secret: true, value } },
    });
    await asUser(request(backend.server).post('/api/ml/projects'))
      .send({
        workspace: 'vault',
        name: 'hidden',
        env: {
          API_KEY: { secret: true, value },
          ML_MODEL_NAME: { secret: true, value },
        },
      })
      .expect(201);
    await waitFor(
      () => entity('project:vault/hidden'),
      'the project in the catalog',
    );
    const all = await asUser(
      request(backend.server).get('/api/catalog/entities'),
    ).expect(200);
    expect(JSON.stringify(all.body)).toContain('"hidden"');
    expect(JSON.stringify(all.body)).not.toContain(value);
  });

  it("carries a private project's readers into the catalog as they change through the ML API", async () => {
    const created = await asUser(
      request(backend.server).post('/api/ml/projects'),
    )
      .send({ workspace: 'lab', name: 'secret', visibility: 'private' })
      .expect(201);
    const id = created.body.id;
    const readersOf = async () => {
      const project = await entity('project:lab/secret');
      return (
        project && {
          visibility: project.metadata.annotations['ml-platform.io/visibility'],
          readers: project.metadata.mlReaders,
        }
      );
    };
    await waitFor(
      async () =>
        (await readersOf())?.visibility === 'private' ? true : undefined,
      'the private project in the catalog',
    );

    await asUser(
      request(backend.server).put(
        `/api/ml/projects/${id}/collaborators/${encodeURIComponent(
          'user:default/vera',
        )}`,
      ),
    )
      .send({ role: 'viewer' })
      .expect(200);
    expect(
      await waitFor(async () => {
        const marks = await readersOf();
        return marks?.readers?.includes('user:default/vera')
          ? marks
          : undefined;
      }, 'the new collaborator among the readers'),
    ).toEqual({
      visibility: 'private',
      readers: ['user:default/mock', 'user:default/vera'],
    });

    await asUser(request(backend.server).patch(`/api/ml/projects/${id}`))
      .send({ visibility: 'public' })
      .expect(200);
    expect(
      await waitFor(async () => {
        const marks = await readersOf();
        return marks && !marks.visibility ? marks : undefined;
      }, 'the project made public to lose its marks'),
    ).toEqual({ visibility: undefined, readers: undefined });
  });
});
