import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { fakeMlBackendPerSuite } from '../__testUtils__/fakeMlBackendPerSuite';
import {
  application,
  build,
  deployment,
  model,
  project,
} from '../__testUtils__/fixtures';
import { MlEntityProvider } from './MlEntityProvider';
import { MlPlatformReader } from './MlPlatformReader';
import { mlServiceAt } from '../__testUtils__/mlServiceAt';

const churn = project('11111111-1111-4111-8111-111111111111', 'churn');
const forecast = project('22222222-2222-4222-8222-222222222222', 'forecast');
const fresh = project('33333333-3333-4333-8333-333333333333', 'fresh');

function refsOf(entities: { entity: any }[]) {
  return entities.map(e => stringifyEntityRef(e.entity)).sort();
}

describe('MlEntityProvider mutations', () => {
  const { ml, baseUrl } = fakeMlBackendPerSuite();

  beforeEach(() => {
    ml.seedDemoPlatform([churn, forecast]);
    ml.models.set(churn.id, [
      model('m1', churn.id, 'classifier', { activeDeploymentId: 'd1' }),
    ]);
    ml.builds.set('m1', [
      build('b1', 'm1', 1, {
        datasets: ['warehouse.customers', 'warehouse.events'],
      }),
    ]);
    ml.deployments.set('m1', [deployment('d1', 'm1', 'b1')]);
    ml.applications.set(churn.id, [
      application('a1', churn.id, 'churn-dashboard', {
        env: { ML_MODEL_NAME: 'classifier' },
      }),
    ]);
    // forecast shares one dataset with churn.
    ml.models.set(forecast.id, [model('m2', forecast.id, 'prophet')]);
    ml.builds.set('m2', [
      build('b2', 'm2', 1, { datasets: ['warehouse.events'] }),
    ]);
  });

  async function connect() {
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    let task: SchedulerServiceTaskInvocationDefinition | undefined;
    const events = mockServices.events();
    const provider = new MlEntityProvider({
      logger,
      taskRunner: { run: async t => void (task = t) },
      reader: new MlPlatformReader({
        ml: mlServiceAt(baseUrl()),
        auth: mockServices.auth(),
      }),
      events,
      debounceMs: 20,
    });
    const mutations: EntityProviderMutation[] = [];
    const connection: EntityProviderConnection = {
      applyMutation: async m => void mutations.push(m),
      refresh: async () => {},
    };
    await provider.connect(connection);
    const change = (method: string, path: string) =>
      events.publish({ topic: 'ml.changes', eventPayload: { method, path } });
    /** Publishes a change and returns the delta mutation it makes. */
    const deltaAfter = async (method: string, path: string) => {
      await change(method, path);
      await provider.flushChanges();
      const delta = mutations[mutations.length - 1];
      if (delta.type !== 'delta') throw new Error('expected a delta');
      return delta;
    };
    return {
      provider,
      mutations,
      change,
      deltaAfter,
      logger,
      refresh: () => task!.fn(new AbortController().signal),
    };
  }

  it('mirrors every kind in one full mutation, each dataset once', async () => {
    const { mutations, refresh } = await connect();
    await refresh();
    expect(mutations).toHaveLength(1);
    const [full] = mutations;
    expect(full.type).toBe('full');
    expect(full.type === 'full' && refsOf(full.entities)).toEqual([
      'api:demo/churn.classifier',
      'api:demo/forecast.prophet',
      'component:demo/churn-dashboard',
      'model:demo/churn.classifier',
      'model:demo/forecast.prophet',
      'project:demo/churn',
      'project:demo/forecast',
      'resource:default/workbench-python-3-standard-2026.11.1',
      'resource:demo/warehouse.customers',
      'resource:demo/warehouse.events',
      'system:demo/churn',
      'system:demo/forecast',
      'workspace:default/demo',
    ]);
    const churnEntity =
      full.type === 'full' &&
      full.entities.find(e => e.entity.metadata.name === 'churn')!.entity;
    expect(churnEntity && churnEntity.spec!.dependsOn).toEqual([
      'resource:default/workbench-python-3-standard-2026.11.1',
    ]);
  });

  it('applies a new model of a project as a delta of that project only', async () => {
    const { mutations, refresh, change, provider } = await connect();
    await refresh();
    ml.models.get(churn.id)!.push(model('m3', churn.id, 'uplift'));
    ml.requests.length = 0;

    await change('POST', `/projects/${churn.id}/models`);
    await change('POST', `/projects/${churn.id}/models/m3/builds`);
    await provider.flushChanges();

    expect(mutations).toHaveLength(2);
    const delta = mutations[1];
    expect(delta.type).toBe('delta');
    if (delta.type !== 'delta') return;
    expect(refsOf(delta.added)).toEqual([
      'api:demo/churn.classifier',
      'api:demo/churn.uplift',
      'component:demo/churn-dashboard',
      'model:demo/churn.classifier',
      'model:demo/churn.uplift',
      'project:demo/churn',
      'resource:demo/warehouse.customers',
      'resource:demo/warehouse.events',
      'system:demo/churn',
    ]);
    expect(delta.removed).toEqual([]);
    // Two events, one read of that one project.
    expect(
      ml.requests.filter(
        r =>
          r.startsWith(`/api/ml/projects/${churn.id}?`) ||
          r === `/api/ml/projects/${churn.id}`,
      ),
    ).toHaveLength(1);
    expect(ml.requests.some(r => r.includes(forecast.id))).toBe(false);
  });

  it('removes what a project no longer has, keeping datasets other projects use', async () => {
    const { refresh, deltaAfter } = await connect();
    await refresh();
    ml.models.set(churn.id, []);
    ml.applications.set(churn.id, []);

    const delta = await deltaAfter('DELETE', `/projects/${churn.id}/models/m1`);
    expect(refsOf(delta.added)).toEqual([
      'project:demo/churn',
      'system:demo/churn',
    ]);
    expect(
      delta.removed.map(r => ('entityRef' in r ? r.entityRef : '')).sort(),
    ).toEqual([
      'api:demo/churn.classifier',
      'component:demo/churn-dashboard',
      'model:demo/churn.classifier',
      // warehouse.events stays: forecast's model was trained on it too.
      'resource:demo/warehouse.customers',
    ]);
    expect(
      delta.removed.every(r => r.locationKey === 'MlEntityProvider:default'),
    ).toBe(true);
  });

  it('removes a deleted project with everything in it', async () => {
    const { mutations, refresh, deltaAfter } = await connect();
    await refresh();
    ml.projectPages = [[churn]];

    const delta = await deltaAfter('DELETE', `/projects/${forecast.id}`);
    expect(delta.added).toEqual([]);
    expect(
      delta.removed.map(r => ('entityRef' in r ? r.entityRef : '')).sort(),
    ).toEqual([
      'api:demo/forecast.prophet',
      'model:demo/forecast.prophet',
      'project:demo/forecast',
      'system:demo/forecast',
    ]);

    // Its dataset is now churn's alone: when churn lets go of it, it goes.
    ml.models.set(churn.id, []);
    const next = await deltaAfter('DELETE', `/projects/${churn.id}/models/m1`);
    expect(mutations).toHaveLength(3);
    expect(
      next.removed.map(r => ('entityRef' in r ? r.entityRef : '')),
    ).toEqual(expect.arrayContaining(['resource:demo/warehouse.events']));
  });

  it('finds a new project after POST /projects and adds it as a delta', async () => {
    const { refresh, deltaAfter } = await connect();
    await refresh();
    ml.projectPages = [[churn, forecast, fresh]];

    const delta = await deltaAfter('POST', '/projects');
    expect(refsOf(delta.added)).toEqual([
      'project:demo/fresh',
      'system:demo/fresh',
    ]);
    expect(delta.removed).toEqual([]);
  });

  it('reads everything again for workspace and runtime changes, or before the first read', async () => {
    const { mutations, refresh, change, provider } = await connect();
    await change('POST', `/projects/${churn.id}/models`);
    await provider.flushChanges();
    expect(mutations.map(m => m.type)).toEqual(['full']);

    await refresh();
    await change('PATCH', '/workspaces/demo');
    await provider.flushChanges();
    await change('POST', '/runtimes');
    await provider.flushChanges();
    expect(mutations.map(m => m.type)).toEqual([
      'full',
      'full',
      'full',
      'full',
    ]);
  });

  it('ignores traffic and changes no entity shows', async () => {
    const { mutations, refresh, change, provider } = await connect();
    await refresh();
    await change('POST', `/projects/${churn.id}/models/m1/predict`);
    await change('POST', `/projects/${churn.id}/sessions`);
    await change('PUT', `/projects/${churn.id}/files/content`);
    await change('POST', `/projects/${churn.id}/jobs/j1/runs`);
    await change('POST', '/model');
    await provider.flushChanges();
    expect(mutations).toHaveLength(1);
  });

  it('applies changes by itself after a short quiet time', async () => {
    const { mutations, refresh, change } = await connect();
    await refresh();
    ml.models.get(churn.id)!.push(model('m3', churn.id, 'uplift'));
    await change('POST', `/projects/${churn.id}/models`);
    for (let i = 0; i < 200 && mutations.length < 2; i++) {
      await new Promise(resolve => setTimeout(resolve, 25));
    }
    expect(mutations.map(m => m.type)).toEqual(['full', 'delta']);
  });

  it('mirrors the rest, with a warning, when the ML backend lets only users list applications', async () => {
    ml.applicationsForUsersOnly = true;
    const { mutations, refresh, logger } = await connect();
    await refresh();
    const [full] = mutations;
    expect(full.type === 'full' && refsOf(full.entities)).toEqual(
      expect.arrayContaining([
        'model:demo/churn.classifier',
        'api:demo/churn.classifier',
      ]),
    );
    expect(
      full.type === 'full' &&
        refsOf(full.entities).filter(r => r.startsWith('component:')),
    ).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /refused the catalog's service token for the applications of projects/,
      ),
    );
  });

  it('computes the next delta from what the catalog took, not from a failed mutation', async () => {
    const { mutations, refresh, change, provider } = await connect();
    await refresh();
    ml.models.set(forecast.id, []);
    const failing = mutations.push.bind(mutations);
    let fail = true;
    mutations.push = (m: EntityProviderMutation) => {
      if (fail && m.type === 'delta') {
        fail = false;
        throw new Error('catalog database is busy');
      }
      return failing(m);
    };
    await change('DELETE', `/projects/${forecast.id}/models/m2`);
    await provider.flushChanges();
    expect(mutations).toHaveLength(1);

    await change('DELETE', `/projects/${forecast.id}/models/m2`);
    await provider.flushChanges();
    const delta = mutations[1];
    if (delta.type !== 'delta') throw new Error('expected a delta');
    expect(
      delta.removed.map(r => ('entityRef' in r ? r.entityRef : '')).sort(),
    ).toEqual(['api:demo/forecast.prophet', 'model:demo/forecast.prophet']);
  });

  it('keeps the catalog as it is when a delta read fails', async () => {
    const { mutations, refresh, change, provider, logger } = await connect();
    await refresh();
    ml.failProjects = true;
    await change('POST', '/projects');
    await provider.flushChanges();
    expect(mutations).toHaveLength(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/Could not apply changes/),
      expect.objectContaining({ message: expect.stringMatching(/500/) }),
    );
  });
});
