import { mockServices } from '@backstage/backend-test-utils';
import {
  createProfileSchema,
  createProjectSchema,
  createWorkspaceSchema,
} from '@ml-platform/plugin-ml-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { waitFor } from '../__testUtils__/waitFor';
import {
  ModelServicesHarness,
  startModelServices,
} from '../models/__testUtils__/modelServices';
import { DemoModelSeeder } from './DemoModelSeeder';

jest.setTimeout(90_000);
const databases = createTestDatabases();

describe('DemoModelSeeder', () => {
  let h: ModelServicesHarness;
  let projectId: string;

  beforeAll(async () => {
    h = await startModelServices(databases, 'SQLITE_3');
    const owner = 'group:default/guests';
    await h.services.workspaces.create(
      createWorkspaceSchema.parse({
        name: 'demo',
        nodeGroups: [
          { name: 'n', cpu: 4, memoryMiB: 8192, minNodes: 1, maxNodes: 1 },
        ],
      }),
      owner,
    );
    await h.services.profiles.create(
      'demo',
      createProfileSchema.parse({ name: 'small', cpu: 1, memoryMiB: 1024 }),
    );
    projectId = (
      await h.services.projects.create(
        createProjectSchema.parse({
          workspace: 'demo',
          name: 'demo-project',
          owner,
        }),
        owner,
      )
    ).id;
  });

  afterAll(() => h?.stop());

  const seeder = () =>
    new DemoModelSeeder({ logger: mockServices.logger.mock(), ...h.services });

  it('seeds once, deploys when the build ends, and respects a deleted demo model', async () => {
    await seeder().seed();
    const [model] = await h.services.models.list(projectId);
    expect(model).toMatchObject({
      name: 'demo-model',
      disableAuthentication: true,
    });
    expect((await h.services.files.stat(projectId, 'model.py')).type).toBe(
      'file',
    );

    const deployed = await waitFor(
      async () => {
        const [d] = await h.services.modelDeployments.list(projectId, model.id);
        return d?.state === 'deployed' && d;
      },
      'the demo deployment',
      60_000,
    );
    const target = await h.services.modelDirectory.byId(
      projectId,
      'demo-model',
    );
    expect(target).toMatchObject({
      deploymentId: deployed.id,
      disableAuthentication: true,
    });
    expect(target!.replicas).toHaveLength(1);

    // A restart changes nothing: one model, one build, one deployment.
    await seeder().seed();
    expect(await h.services.models.list(projectId)).toHaveLength(1);
    expect(await h.services.modelBuilds.list(projectId, model.id)).toHaveLength(
      1,
    );
    expect(
      await h.services.modelDeployments.list(projectId, model.id),
    ).toHaveLength(1);

    await h.services.models.delete(projectId, model.id);
    await seeder().seed();
    expect(await h.services.models.list(projectId)).toEqual([]);
  });
});
