import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { fakeMlBackendPerSuite } from '../__testUtils__/fakeMlBackendPerSuite';
import {
  accessProjects,
  seedAccessProjects,
} from '../__testUtils__/accessProjects';
import { MlEntityProvider } from './MlEntityProvider';
import { mlServiceAt } from '../__testUtils__/mlServiceAt';

const { secret, shared, open } = accessProjects;

const olivia: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'olivia', namespace: 'default' },
  spec: {},
  relations: [{ type: 'memberOf', targetRef: 'group:default/data-science' }],
};

/** Each entity of a mutation: its visibility mark and readers. */
function marks(entities: { entity: Entity }[]) {
  return Object.fromEntries(
    entities.map(({ entity }) => [
      stringifyEntityRef(entity),
      entity.metadata.annotations?.['ml-platform.io/visibility']
        ? `${entity.metadata.annotations['ml-platform.io/visibility']}: ${(
            entity.metadata.mlReaders as string[]
          ).join(' ')}`
        : 'unrestricted',
    ]),
  );
}

/**
 * Who reads what, as the provider writes it on the entities, on the full
 * read and on the deltas of the changes that alter it.
 */
describe('MlEntityProvider access marks', () => {
  const { ml, baseUrl } = fakeMlBackendPerSuite();

  beforeEach(() => {
    seedAccessProjects(ml);
    ml.collaborators.set(secret.id, [
      { subject: 'user:default/vera', role: 'viewer', addedAt: '' },
      { subject: 'group:default/reviewers', role: 'admin', addedAt: '' },
    ]);
  });

  async function connect() {
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    let task: SchedulerServiceTaskInvocationDefinition | undefined;
    const catalog = catalogServiceMock({ entities: [olivia] });
    const lookups = jest.spyOn(catalog, 'getEntitiesByRefs');
    const events = mockServices.events();
    const provider = MlEntityProvider.fromConfig(mockServices.rootConfig(), {
      logger,
      scheduler: {
        createScheduledTaskRunner: () => ({
          run: async t => void (task = t),
        }),
      },
      ml: mlServiceAt(baseUrl()),
      auth: mockServices.auth(),
      events,
      catalog,
    });
    const mutations: EntityProviderMutation[] = [];
    const connection: EntityProviderConnection = {
      applyMutation: async m => void mutations.push(m),
      refresh: async () => {},
    };
    await provider.connect(connection);
    await task!.fn(new AbortController().signal);
    const change = async (method: string, path: string) => {
      await events.publish({
        topic: 'ml.changes',
        eventPayload: { method, path },
      });
      await provider.flushChanges();
    };
    const lastDelta = () => {
      const last = mutations[mutations.length - 1];
      if (last.type !== 'delta') throw new Error('expected a delta');
      return last;
    };
    return { mutations, change, lastDelta, lookups, logger };
  }

  it('marks the entities of private and team projects with their readers on a full read', async () => {
    const { mutations, lookups } = await connect();
    const [full] = mutations;
    if (full.type !== 'full') throw new Error('expected a full mutation');
    const restricted =
      'private: group:default/reviewers user:default/olivia user:default/vera';
    expect(marks(full.entities)).toEqual({
      'workspace:default/demo': 'unrestricted',
      'resource:default/workbench-python-3-standard-2026.11.1': 'unrestricted',
      'project:demo/secret': restricted,
      'system:demo/secret': restricted,
      'model:demo/secret.classifier': restricted,
      'api:demo/secret.classifier': restricted,
      'component:demo/secret-dash': restricted,
      'project:demo/shared':
        'team: group:default/data-science user:default/olivia',
      'system:demo/shared':
        'team: group:default/data-science user:default/olivia',
      'project:demo/open': 'unrestricted',
      'system:demo/open': 'unrestricted',
      // Datasets may be shared by projects: never restricted.
      'resource:demo/warehouse.customer_events': 'unrestricted',
    });
    // The owners' groups: one catalog request for the whole read.
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('applies a collaborator added or removed as a delta with the new readers', async () => {
    const { change, lastDelta } = await connect();
    ml.collaborators.set(secret.id, [
      { subject: 'user:default/vera', role: 'viewer', addedAt: '' },
      { subject: 'user:default/cora', role: 'contributor', addedAt: '' },
    ]);
    await change(
      'PUT',
      `/projects/${secret.id}/collaborators/${encodeURIComponent(
        'user:default/cora',
      )}`,
    );
    const restricted =
      'private: user:default/cora user:default/olivia user:default/vera';
    expect(marks(lastDelta().added)).toEqual({
      'project:demo/secret': restricted,
      'system:demo/secret': restricted,
      'model:demo/secret.classifier': restricted,
      'api:demo/secret.classifier': restricted,
      'component:demo/secret-dash': restricted,
      'resource:demo/warehouse.customer_events': 'unrestricted',
    });

    ml.collaborators.set(shared.id, [
      { subject: 'user:default/vera', role: 'viewer', addedAt: '' },
    ]);
    await change(
      'DELETE',
      `/projects/${shared.id}/collaborators/group%3Adefault%2Fx`,
    );
    expect(marks(lastDelta().added)).toEqual({
      'project:demo/shared':
        'team: group:default/data-science user:default/olivia user:default/vera',
      'system:demo/shared':
        'team: group:default/data-science user:default/olivia user:default/vera',
    });
  });

  it('applies a change of visibility as a delta: public drops the marks, private the groups', async () => {
    const { change, lastDelta } = await connect();
    ml.projectPages = [
      [
        { ...secret, visibility: 'public' },
        { ...shared, visibility: 'private' },
        open,
      ],
    ];
    await change('PATCH', `/projects/${secret.id}`);
    expect(Object.values(marks(lastDelta().added))).toEqual(
      Array(6).fill('unrestricted'),
    );
    await change('PATCH', `/projects/${shared.id}`);
    expect(marks(lastDelta().added)).toEqual({
      'project:demo/shared': 'private: user:default/olivia',
      'system:demo/shared': 'private: user:default/olivia',
    });
  });

  it('falls back to the owner alone when the ML backend refuses the collaborators', async () => {
    ml.collaboratorsForUsersOnly = true;
    const { mutations, logger } = await connect();
    const [full] = mutations;
    expect(
      full.type === 'full' && marks(full.entities)['project:demo/secret'],
    ).toBe('private: user:default/olivia');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /refused the catalog's service token for the collaborators/,
      ),
    );
  });
});
