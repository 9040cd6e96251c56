import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import request from 'supertest';
import { FakeMlBackend } from './__testUtils__/FakeMlBackend';
import {
  application,
  build,
  deployment,
  model,
  project,
} from './__testUtils__/fixtures';
import { catalogModuleMl } from './module';
import { providerConfig } from './__testUtils__/providerConfig';
import { waitFor } from './__testUtils__/waitFor';

jest.setTimeout(60_000);

const churn = project('11111111-1111-4111-8111-111111111111', 'churn');
const RUNTIME = 'resource:default/workbench-python-3-standard-2026.11.1';

/**
 * The module in a backend with the real catalog: entities of every kind land
 * in the catalog with their relations both ways, and a change event makes a
 * new model appear without waiting for the schedule (every 10 minutes here).
 */
describe('catalogModuleMl with the catalog', () => {
  const ml = new FakeMlBackend();
  // Stands in for the ML backend plugin: its API, and it publishes ml.changes.
  const mlStandIn = ml.asMlPlugin();
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    ml.seedDemoPlatform([churn]);
    ml.models.set(churn.id, [
      model('m1', churn.id, 'classifier', { activeDeploymentId: 'd1' }),
    ]);
    ml.builds.set('m1', [build('b1', 'm1', 1)]);
    ml.deployments.set('m1', [deployment('d1', 'm1', 'b1')]);
    ml.applications.set(churn.id, [
      application('a1', churn.id, 'churn-dashboard', {
        env: { ML_MODEL_NAME: 'classifier' },
      }),
    ]);

    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleMl,
        mlStandIn.plugin,
        // The real events service: one in-process bus for all plugins.
        eventsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            events: { useEventBus: 'never' },
            ...providerConfig(),
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  async function entity(ref: string): Promise<Entity | undefined> {
    const [kind, rest] = ref.split(':');
    const res = await request(backend.server)
      .get(`/api/catalog/entities/by-name/${kind}/${rest}`)
      .set('Authorization', mockCredentials.user.header());
    return res.status === 200 ? res.body : undefined;
  }

  /** The entity once it has all the relations, as "type target". */
  async function relationsOf(ref: string, expected: string[]) {
    const found = await waitFor(async () => {
      const e = await entity(ref);
      const relations = (e?.relations ?? []).map(
        r => `${r.type} ${r.targetRef}`,
      );
      return expected.every(x => relations.includes(x)) ? relations : undefined;
    }, `${ref} with ${expected.join(', ')}`);
    return found.sort();
  }

  it('puts every kind in the catalog, related both ways', async () => {
    expect(
      await relationsOf('workspace:default/demo', [
        'hasPart project:demo/churn',
      ]),
    ).toEqual(['hasPart project:demo/churn', 'ownedBy group:default/guests']);

    expect(
      await relationsOf('project:demo/churn', [
        'hasPart model:demo/churn.classifier',
        'hasPart component:demo/churn-dashboard',
      ]),
    ).toEqual([
      'dependsOn resource:default/workbench-python-3-standard-2026.11.1',
      'hasPart component:demo/churn-dashboard',
      'hasPart model:demo/churn.classifier',
      'ownedBy user:default/jane',
      'partOf workspace:default/demo',
    ]);

    expect(
      await relationsOf('model:demo/churn.classifier', [
        'providesApi api:demo/churn.classifier',
      ]),
    ).toEqual([
      'dependsOn resource:demo/warehouse.customer_events',
      'ownedBy user:default/jane',
      'partOf project:demo/churn',
      'partOf system:demo/churn',
      'providesApi api:demo/churn.classifier',
    ]);

    expect(
      await relationsOf('api:demo/churn.classifier', [
        'apiProvidedBy model:demo/churn.classifier',
        'apiConsumedBy component:demo/churn-dashboard',
      ]),
    ).toEqual([
      'apiConsumedBy component:demo/churn-dashboard',
      'apiProvidedBy model:demo/churn.classifier',
      'ownedBy user:default/jane',
      'partOf system:demo/churn',
    ]);

    expect(
      await relationsOf('system:demo/churn', [
        'hasPart model:demo/churn.classifier',
        'hasPart api:demo/churn.classifier',
        'hasPart component:demo/churn-dashboard',
      ]),
    ).toEqual([
      'hasPart api:demo/churn.classifier',
      'hasPart component:demo/churn-dashboard',
      'hasPart model:demo/churn.classifier',
      'ownedBy user:default/jane',
    ]);

    expect(
      await relationsOf('component:demo/churn-dashboard', [
        'consumesApi api:demo/churn.classifier',
        'partOf project:demo/churn',
      ]),
    ).toEqual([
      'consumesApi api:demo/churn.classifier',
      `dependsOn ${RUNTIME}`,
      'ownedBy user:default/jane',
      'partOf project:demo/churn',
      'partOf system:demo/churn',
    ]);

    expect(
      await relationsOf('resource:demo/warehouse.customer_events', [
        'dependencyOf model:demo/churn.classifier',
      ]),
    ).toEqual([
      'dependencyOf model:demo/churn.classifier',
      'ownedBy group:default/guests',
    ]);

    expect(
      await relationsOf(RUNTIME, [
        'dependencyOf project:demo/churn',
        'dependencyOf component:demo/churn-dashboard',
      ]),
    ).toEqual([
      'dependencyOf component:demo/churn-dashboard',
      'dependencyOf project:demo/churn',
      'ownedBy group:default/ml-platform-admins',
    ]);
  });

  it('shows a new model after its change event, well before the next scheduled read', async () => {
    await waitFor(
      () => entity('model:demo/churn.classifier'),
      'the first read',
    );
    ml.models.get(churn.id)!.push(model('m2', churn.id, 'uplift'));
    await mlStandIn.events().publish({
      topic: 'ml.changes',
      eventPayload: { method: 'POST', path: `/projects/${churn.id}/models` },
    });
    const uplift = await waitFor(
      () => entity('model:demo/churn.uplift'),
      'the new model in the catalog',
    );
    expect(uplift.spec).toEqual(
      expect.objectContaining({
        project: 'project:demo/churn',
        system: 'system:demo/churn',
        type: 'ml-model',
        lifecycle: 'experimental',
      }),
    );
  });
});
