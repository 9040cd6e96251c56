import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  Entity,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  build,
  demoWorkspace,
  deployment,
  model,
  project,
  python,
} from '../__testUtils__/fixtures';
import { MlEntitiesProcessor } from '../processor/MlEntitiesProcessor';
import { modelsCalledBy } from '@ml-platform/plugin-ml-common';
import { applicationToEntity } from './applicationEntity';
import {
  datasetToEntity,
  modelApiToEntity,
  modelToEntity,
  pickShownBuild,
} from './modelEntities';
import { runtimeToEntity } from './runtimeEntity';
import { application } from '../__testUtils__/fixtures';

const churn = project('11111111-1111-4111-8111-111111111111', 'churn');
const classifier = model('m1', churn.id, 'classifier', {
  activeDeploymentId: 'd1',
});
const context = {
  workspace: demoWorkspace,
  project: churn,
  locationRef: 'ml-platform:http://127.0.0.1/api/ml',
  baseUrl: 'http://127.0.0.1/api/ml',
  runtimes: new Map([[python.id, python]]),
};

describe('pickShownBuild', () => {
  const b1 = build('b1', 'm1', 1);
  const b2 = build('b2', 'm1', 2);
  const b3 = build('b3', 'm1', 3, { state: 'failed' });

  it('is the build the active deployment serves', () => {
    expect(pickShownBuild([b1, b2, b3], deployment('d1', 'm1', 'b1'))).toBe(b1);
  });

  it('is otherwise the newest build that succeeded', () => {
    expect(pickShownBuild([b1, b3, b2], undefined)).toBe(b2);
    expect(pickShownBuild([b3], undefined)).toBeUndefined();
  });
});

describe('ML object entities', () => {
  const shown = build('b1', 'm1', 1, {
    datasets: ['warehouse.customer_events', 'holidays'],
  });
  const view = {
    model: classifier,
    build: shown,
    activeDeployment: deployment('d1', 'm1', 'b1'),
  };

  it('makes a Model entity that depends on its datasets, names its runtime and provides its API', async () => {
    const entity = modelToEntity(view, context);
    expect(entity.metadata.labels).toEqual({
      'ml-platform.io/build': '1',
      'ml-platform.io/runtime': 'workbench-python-3-standard-2026.11.1',
    });
    expect(entity.metadata).toEqual(
      expect.objectContaining({
        name: 'churn.classifier',
        namespace: 'demo',
        title: 'classifier',
        annotations: expect.objectContaining({
          'ml-platform.io/model-id': 'm1',
          'ml-platform.io/project-id': churn.id,
        }),
      }),
    );
    expect(entity.metadata.annotations).not.toHaveProperty(
      'backstage.io/kubernetes-id',
    );
    expect(entity.spec).toEqual({
      type: 'ml-model',
      lifecycle: 'production',
      owner: 'user:default/jane',
      system: 'system:demo/churn',
      project: 'project:demo/churn',
      mlModelId: 'm1',
      dependsOn: [
        'resource:demo/warehouse.customer_events',
        'resource:demo/holidays',
      ],
      providesApis: ['api:demo/churn.classifier'],
    });
    await expect(
      new MlEntitiesProcessor().validateEntityKind(entity),
    ).resolves.toBe(true);
  });

  it('puts a model that no deployment serves in the experimental lifecycle', () => {
    const idle = { model: model('m2', churn.id, 'draft') };
    expect(modelToEntity(idle, context).spec.lifecycle).toBe('experimental');
    const stopped = {
      ...view,
      activeDeployment: deployment('d1', 'm1', 'b1', { state: 'stopped' }),
    };
    expect(modelToEntity(stopped, context).spec.lifecycle).toBe('experimental');
  });

  it('gives models on Kubernetes the Kubernetes tab annotation', () => {
    const entity = modelToEntity(view, {
      ...context,
      workspace: { ...demoWorkspace, driver: 'kubernetes' },
    });
    expect(entity.metadata.annotations!['backstage.io/kubernetes-id']).toBe(
      'ml-model-m1',
    );
  });

  it('makes an openapi API entity, in production while deployed', async () => {
    const api = modelApiToEntity(view, context);
    expect(api.kind).toBe('API');
    expect(api.metadata.name).toBe('churn.classifier');
    expect(api.spec).toEqual(
      expect.objectContaining({
        type: 'openapi',
        lifecycle: 'production',
        owner: 'user:default/jane',
        system: 'system:demo/churn',
      }),
    );
    const definition = JSON.parse(api.spec!.definition as string);
    expect(Object.keys(definition.paths)).toEqual([
      `/projects/${churn.id}/models/m1/predict`,
      '/model',
    ]);
    await expect(apiEntityV1alpha1Validator.check(api)).resolves.toBe(true);

    const idle = modelApiToEntity(
      { model: model('m2', churn.id, 'draft') },
      context,
    );
    expect(idle.spec!.lifecycle).toBe('experimental');
    expect(JSON.parse(idle.spec!.definition as string).info.version).toBe(
      'not built',
    );
  });

  it('makes dataset and runtime Resources', async () => {
    const dataset = datasetToEntity(
      'warehouse.customer events',
      demoWorkspace,
      context.locationRef,
    );
    expect(dataset.metadata).toEqual(
      expect.objectContaining({
        name: 'warehouse.customer-events',
        namespace: 'demo',
        title: 'warehouse.customer events',
      }),
    );
    expect(dataset.spec).toEqual({
      type: 'dataset',
      owner: 'group:default/guests',
    });
    await expect(resourceEntityV1alpha1Validator.check(dataset)).resolves.toBe(
      true,
    );

    const runtime = runtimeToEntity(python, {
      locationRef: context.locationRef,
      owner: 'group:default/admins',
    });
    expect(runtime.metadata.name).toBe('workbench-python-3-standard-2026.11.1');
    expect(runtime.metadata.annotations!['ml-platform.io/runtime-id']).toBe(
      python.id,
    );
    expect(runtime.spec).toEqual({
      type: 'ml-runtime',
      owner: 'group:default/admins',
    });
    await expect(resourceEntityV1alpha1Validator.check(runtime)).resolves.toBe(
      true,
    );
  });
});

describe('application entities', () => {
  it('reads the models an application calls from its env', () => {
    expect(
      modelsCalledBy(
        {
          env: {
            ML_MODEL_NAME: 'classifier',
            ML_MODEL_NAMES: ' a, forecast/b ,,classifier',
          },
        },
        'churn',
      ),
    ).toEqual([
      { project: 'churn', name: 'classifier' },
      { project: 'churn', name: 'a' },
      { project: 'forecast', name: 'b' },
    ]);
    expect(modelsCalledBy({ env: {} }, 'churn')).toEqual([]);
  });

  it('reads no model from a secret variable (the ML API shows it masked)', () => {
    expect(
      modelsCalledBy(
        { env: { ML_MODEL_NAME: { secret: true }, ML_MODEL_NAMES: 'a' } },
        'churn',
      ),
    ).toEqual([{ project: 'churn', name: 'a' }]);
    const entity = applicationToEntity(
      application('a2', churn.id, 'vault-app', {
        env: { ML_MODEL_NAME: { secret: true }, TOKEN: { secret: true } },
      }),
      context,
    );
    expect(entity.spec).not.toHaveProperty('consumesApis');
    expect(JSON.stringify(entity)).not.toMatch(/TOKEN|secret/);
  });

  it('makes an ml-application Component that consumes the APIs of the models it calls', async () => {
    const entity: Entity = applicationToEntity(
      application('a1', churn.id, 'churn-dashboard', {
        name: 'Churn dashboard',
        env: { ML_MODEL_NAME: 'classifier' },
      }),
      context,
    );
    expect(entity.metadata).toEqual(
      expect.objectContaining({
        name: 'churn-dashboard',
        namespace: 'demo',
        title: 'Churn dashboard',
        links: [
          {
            url: 'http://127.0.0.1/api/ml/apps/churn-dashboard/',
            title: 'Open the application',
            icon: 'dashboard',
          },
        ],
      }),
    );
    expect(entity.metadata.annotations).toEqual(
      expect.objectContaining({
        'ml-platform.io/application-id': 'a1',
        'ml-platform.io/project': 'project:demo/churn',
      }),
    );
    expect(entity.spec).toEqual({
      type: 'ml-application',
      lifecycle: 'production',
      owner: 'user:default/jane',
      system: 'system:demo/churn',
      consumesApis: ['api:demo/churn.classifier'],
      dependsOn: ['resource:default/workbench-python-3-standard-2026.11.1'],
    });
    await expect(componentEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
  });
});
