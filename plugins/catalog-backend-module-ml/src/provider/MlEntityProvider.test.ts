import { systemEntityV1alpha1Validator } from '@backstage/catalog-model';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { fakeMlBackendPerSuite } from '../__testUtils__/fakeMlBackendPerSuite';
import { demoWorkspace as demo, project } from '../__testUtils__/fixtures';
import { MlEntitiesProcessor } from '../processor/MlEntitiesProcessor';
import { MlEntityProvider } from './MlEntityProvider';
import { DEFAULT_SCHEDULE } from './readSchedule';
import { mlServiceAt } from '../__testUtils__/mlServiceAt';

const churn = project('11111111-1111-4111-8111-111111111111', 'churn', {
  title: 'Churn prediction',
  description: 'Who leaves, and why.',
  visibility: 'public',
});
const forecast = project('22222222-2222-4222-8222-222222222222', 'forecast');

describe('MlEntityProvider', () => {
  const { ml, baseUrl } = fakeMlBackendPerSuite();

  beforeEach(() => {
    // An ML backend without models and applications (404 for their routes).
    ml.workspaces = [demo];
    ml.projectPages = [[churn], [forecast]];
    ml.modelRoutes = false;
    ml.collaborators.set(forecast.id, [
      { subject: 'user:default/Vera', role: 'viewer', addedAt: '' },
    ]);
  });

  /** A provider on the fake backend, with its scheduled task captured. */
  async function connectProvider(
    options: { config?: object; fetch?: typeof fetch } = {},
  ) {
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    let task: SchedulerServiceTaskInvocationDefinition | undefined;
    const scheduler = {
      createScheduledTaskRunner: jest.fn(() => ({
        run: jest.fn(async (t: SchedulerServiceTaskInvocationDefinition) => {
          task = t;
        }),
      })),
    };
    const provider = MlEntityProvider.fromConfig(
      mockServices.rootConfig({ data: options.config ?? {} }),
      {
        logger,
        scheduler,
        ml: mlServiceAt(baseUrl(), options.fetch),
        auth: mockServices.auth(),
      },
    );
    const connection: jest.Mocked<EntityProviderConnection> = {
      applyMutation: jest.fn(),
      refresh: jest.fn(),
    };
    await provider.connect(connection);
    const refresh = async () => {
      await task!.fn(new AbortController().signal);
    };
    return {
      provider,
      logger,
      scheduler,
      connection,
      refresh,
      task: () => task!,
    };
  }

  it('runs every 30 s by default, or on the configured schedule', async () => {
    const byDefault = await connectProvider();
    expect(byDefault.provider.getProviderName()).toBe(
      'MlEntityProvider:default',
    );
    expect(byDefault.scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      DEFAULT_SCHEDULE,
    );
    expect(DEFAULT_SCHEDULE.frequency).toEqual({ seconds: 30 });
    expect(byDefault.task().id).toBe('MlEntityProvider:default:refresh');

    const configured = await connectProvider({
      config: {
        catalog: {
          providers: {
            ml: { schedule: { frequency: { minutes: 5 }, timeout: 'PT1M' } },
          },
        },
      },
    });
    expect(configured.scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      {
        frequency: { minutes: 5 },
        timeout: { minutes: 1 },
      },
    );
  });

  it('reads every page and applies one full mutation with the entities', async () => {
    const { refresh, connection } = await connectProvider();
    await refresh();

    expect(ml.requests.slice(0, 4)).toEqual([
      '/api/ml/workspaces?page_size=500',
      '/api/ml/runtimes?all=true&page_size=500',
      '/api/ml/projects?page_size=500',
      '/api/ml/projects?page_size=500&page_token=1',
    ]);
    // Each project's models, applications and jobs (the first two are not
    // routes of this ML backend, which reads as "none"), and the
    // collaborators of the project that is not public.
    expect(ml.requests.slice(4).sort()).toEqual(
      [churn, forecast]
        .flatMap(p => [
          `/api/ml/projects/${p.id}/models?page_size=500`,
          `/api/ml/projects/${p.id}/applications?page_size=500`,
          `/api/ml/projects/${p.id}/jobs?page_size=500`,
        ])
        .concat(`/api/ml/projects/${forecast.id}/collaborators?page_size=500`)
        .sort(),
    );
    const location = `ml-platform:${baseUrl()}`;
    const locationAnnotations = {
      'backstage.io/managed-by-location': location,
      'backstage.io/managed-by-origin-location': location,
    };
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [
        {
          locationKey: 'MlEntityProvider:default',
          entity: {
            apiVersion: 'ml-platform.io/v1alpha1',
            kind: 'Workspace',
            metadata: {
              name: 'demo',
              namespace: 'default',
              title: 'Demo workspace',
              description: 'Local processes on this machine.',
              annotations: {
                ...locationAnnotations,
                'ml-platform.io/workspace': 'demo',
              },
            },
            spec: {
              owner: 'group:default/guests',
              driver: 'local',
              nodeGroups: [
                {
                  name: 'standard',
                  cpu: 4,
                  memoryMiB: 16384,
                  gpu: 0,
                  minNodes: 1,
                  maxNodes: 3,
                },
              ],
            },
          },
        },
        {
          locationKey: 'MlEntityProvider:default',
          entity: {
            apiVersion: 'ml-platform.io/v1alpha1',
            kind: 'Project',
            metadata: {
              name: 'churn',
              namespace: 'demo',
              title: 'Churn prediction',
              description: 'Who leaves, and why.',
              annotations: {
                ...locationAnnotations,
                'ml-platform.io/workspace': 'demo',
                'ml-platform.io/project-id': churn.id,
              },
            },
            spec: {
              owner: 'user:default/jane',
              workspace: 'workspace:default/demo',
              visibility: 'public',
              mlProjectId: churn.id,
            },
          },
        },
        {
          locationKey: 'MlEntityProvider:default',
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'System',
            metadata: {
              name: 'churn',
              namespace: 'demo',
              title: 'Churn prediction',
              description:
                'The models, APIs and applications of the ML project Churn prediction.',
              annotations: {
                ...locationAnnotations,
                'ml-platform.io/workspace': 'demo',
                'ml-platform.io/project-id': churn.id,
                'ml-platform.io/project': 'project:demo/churn',
              },
            },
            spec: { owner: 'user:default/jane' },
          },
        },
        {
          locationKey: 'MlEntityProvider:default',
          entity: {
            apiVersion: 'ml-platform.io/v1alpha1',
            kind: 'Project',
            metadata: {
              name: 'forecast',
              namespace: 'demo',
              annotations: {
                ...locationAnnotations,
                'ml-platform.io/workspace': 'demo',
                'ml-platform.io/project-id': forecast.id,
                'ml-platform.io/visibility': 'team',
              },
              // No catalog here: the owner's groups are unknown.
              mlReaders: ['user:default/jane', 'user:default/vera'],
            },
            spec: {
              owner: 'user:default/jane',
              workspace: 'workspace:default/demo',
              visibility: 'team',
              mlProjectId: forecast.id,
            },
          },
        },
        {
          locationKey: 'MlEntityProvider:default',
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'System',
            metadata: {
              name: 'forecast',
              namespace: 'demo',
              title: 'forecast',
              description:
                'The models, APIs and applications of the ML project forecast.',
              annotations: {
                ...locationAnnotations,
                'ml-platform.io/workspace': 'demo',
                'ml-platform.io/project-id': forecast.id,
                'ml-platform.io/project': 'project:demo/forecast',
                'ml-platform.io/visibility': 'team',
              },
              mlReaders: ['user:default/jane', 'user:default/vera'],
            },
            spec: { owner: 'user:default/jane' },
          },
        },
      ],
    });
  });

  it('produces entities that the ML kinds or the built-in System kind validate', async () => {
    const { provider, logger } = await connectProvider();
    const processor = new MlEntitiesProcessor();
    const entities = await provider.read({ logger });
    for (const { entity } of entities) {
      await expect(
        entity.kind === 'System'
          ? systemEntityV1alpha1Validator.check(entity)
          : processor.validateEntityKind(entity),
      ).resolves.toBe(true);
    }
  });

  it('logs a failed read and leaves the catalog as it is', async () => {
    ml.failProjects = true;
    const { refresh, connection, logger } = await connectProvider();
    await refresh();
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/keeping the entities of the last successful read/),
      expect.objectContaining({ message: expect.stringMatching(/500/) }),
    );
  });

  it('logs an unreachable ML backend and leaves the catalog as it is', async () => {
    const { refresh, connection, logger } = await connectProvider({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await refresh();
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({
        message: expect.stringMatching(
          /Could not reach the ML backend at http:\/\/127\.0\.0\.1/,
        ),
      }),
    );
  });

  it('reads again when the projects change while it pages, instead of dropping one', async () => {
    const fetchSpy = jest.fn(
      async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url.includes('page_token=1') && fetchSpy.mock.calls.length <= 4) {
          // Between the two pages a project was deleted: the second page is
          // now empty, and "forecast" would be missing from this listing.
          return new Response(JSON.stringify({ items: [], total_size: 2 }), {
            headers: { 'Content-Type': 'application/json' },
          });
        }
        return fetch(input, init);
      },
    );
    const { refresh, connection } = await connectProvider({ fetch: fetchSpy });
    await refresh();
    const projectListings = fetchSpy.mock.calls.filter(([input]) =>
      String(input).includes('/projects?'),
    );
    expect(projectListings).toHaveLength(4);
    const [[mutation]] = connection.applyMutation.mock.calls;
    expect(
      mutation.type === 'full' &&
        mutation.entities.map(e => e.entity.metadata.name),
    ).toEqual(['demo', 'churn', 'churn', 'forecast', 'forecast']);
  });

  it('leaves out an item whose name cannot be an entity name, with a warning', async () => {
    ml.projectPages = [
      [churn, project('33333333-3333-4333-8333-333333333333', 'Bad_Name')],
    ];
    const { refresh, connection, logger } = await connectProvider();
    await refresh();
    const [[mutation]] = connection.applyMutation.mock.calls;
    expect(
      mutation.type === 'full' &&
        mutation.entities.map(e => e.entity.metadata.name),
    ).toEqual(['demo', 'churn', 'churn']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /Left project 'demo\/Bad_Name' .* out of the catalog/,
      ),
    );
  });
});
