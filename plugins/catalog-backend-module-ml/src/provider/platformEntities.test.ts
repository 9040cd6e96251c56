import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  application,
  build,
  demoWorkspace,
  deployment,
  model,
  project,
  python,
} from '../__testUtils__/fixtures';
import { MlProjectView } from './MlPlatformReader';
import {
  frameEntities,
  PlatformContext,
  projectEntities,
} from './platformEntities';

const SECRET = 'sk-live-do-not-mirror';

const context: PlatformContext = {
  baseUrl: 'http://ml.test/api/ml',
  locationRef: 'ml-platform:http://ml.test/api/ml',
  workspaces: new Map([
    ['demo', { ...demoWorkspace, env: { SITE_TOKEN: SECRET } }],
  ]),
  runtimes: new Map([[python.id, python]]),
  runtimeOwner: 'group:default/ml-platform-admins',
  logger: mockServices.logger.mock(),
};

function viewOf(visibility: 'private' | 'team' | 'public'): MlProjectView {
  const churn = project('p1', 'churn', {
    visibility,
    env: { DB_PASSWORD: SECRET },
  });
  return {
    project: churn,
    models: [
      {
        model: model('m1', churn.id, 'classifier', {
          activeDeploymentId: 'd1',
        }),
        build: build('b1', 'm1', 1, { env: { API_KEY: SECRET } }),
        activeDeployment: deployment('d1', 'm1', 'b1', {
          env: { API_KEY: SECRET },
        }),
      },
    ],
    applications: [
      application('a1', churn.id, 'churn-dashboard', {
        env: { ML_MODEL_NAME: 'classifier', TOKEN: SECRET },
      }),
    ],
    jobRuntimeIds: [python.id],
    collaborators: [
      { subject: 'user:default/vera', role: 'viewer', addedAt: '' },
    ],
    ownerGroups: visibility === 'team' ? ['group:default/data-science'] : [],
  };
}

const marksOf = (entity: Entity) => ({
  visibility: entity.metadata.annotations?.['ml-platform.io/visibility'],
  readers: entity.metadata.mlReaders,
});

describe('projectEntities', () => {
  it("marks the project, its System, its model, the model's API and its application, not the dataset", () => {
    const mapped = projectEntities(viewOf('private'), context)!;
    const marks = Object.fromEntries(
      mapped.entities.map(e => [stringifyEntityRef(e), marksOf(e)]),
    );
    const restricted = {
      visibility: 'private',
      readers: ['user:default/jane', 'user:default/vera'],
    };
    expect(marks).toEqual({
      'project:demo/churn': restricted,
      'system:demo/churn': restricted,
      'model:demo/churn.classifier': restricted,
      'api:demo/churn.classifier': restricted,
      'component:demo/churn-dashboard': restricted,
    });
    expect(
      mapped.datasets.map(d => [stringifyEntityRef(d), marksOf(d)]),
    ).toEqual([
      [
        'resource:demo/warehouse.customer_events',
        { visibility: undefined, readers: undefined },
      ],
    ]);
  });

  it('draws a build from the registry as dataset → experiment run → model version → model, restricted like the model', () => {
    const view = viewOf('private');
    // Two models built from the same version share its entities.
    const fromRegistry = {
      ...view.models[0].build!,
      registeredModel: {
        name: 'churn-classifier',
        version: '3',
        runId: '0123456789abcdef0123456789abcdef',
        runName: 'cut-12',
        experimentId: '7',
        datasets: ['warehouse.customers'],
      },
    };
    view.models = [
      { ...view.models[0], build: fromRegistry },
      {
        model: model('m2', view.project.id, 'second'),
        build: { ...fromRegistry, id: 'b2', modelId: 'm2' },
      },
    ];
    const mapped = projectEntities(view, context)!;
    const byRef = new Map(mapped.entities.map(e => [stringifyEntityRef(e), e]));
    const versionRef = 'resource:demo/churn.churn-classifier-v3';
    const runRef = 'resource:demo/churn.run-0123456789ab';
    expect(byRef.get('model:demo/churn.classifier')?.spec?.dependsOn).toEqual(
      expect.arrayContaining([versionRef]),
    );
    expect(byRef.get(versionRef)).toMatchObject({
      metadata: { title: 'churn-classifier v3', mlReaders: expect.any(Array) },
      spec: { type: 'ml-model-version', dependsOn: [runRef] },
    });
    expect(byRef.get(runRef)).toMatchObject({
      metadata: {
        title: 'cut-12',
        annotations: {
          'ml-platform.io/mlflow-run-id': '0123456789abcdef0123456789abcdef',
        },
      },
      spec: {
        type: 'ml-experiment-run',
        dependsOn: ['resource:demo/warehouse.customers'],
      },
    });
    expect(
      mapped.entities.filter(e => stringifyEntityRef(e) === versionRef),
    ).toHaveLength(1);
    expect(mapped.datasets.map(d => stringifyEntityRef(d))).toContain(
      'resource:demo/warehouse.customers',
    );
  });

  it("gives a team project's entities the owner's groups as readers too", () => {
    const mapped = projectEntities(viewOf('team'), context)!;
    for (const entity of mapped.entities) {
      expect(marksOf(entity)).toEqual({
        visibility: 'team',
        readers: [
          'group:default/data-science',
          'user:default/jane',
          'user:default/vera',
        ],
      });
    }
  });

  it('leaves the entities of a public project unmarked', () => {
    const mapped = projectEntities(viewOf('public'), context)!;
    expect(mapped.entities).toHaveLength(5);
    for (const entity of mapped.entities) {
      expect(marksOf(entity)).toEqual({
        visibility: undefined,
        readers: undefined,
      });
      expect(Object.keys(entity.metadata)).not.toContain('mlReaders');
    }
  });

  it('gives the workspace and every entity of a project on Kubernetes the Kubernetes tab', () => {
    const kube = { ...demoWorkspace, driver: 'kubernetes' as const };
    const onKubernetes = { ...context, workspaces: new Map([['demo', kube]]) };
    const { entities, datasets } = projectEntities(
      viewOf('public'),
      onKubernetes,
    )!;
    const tabs = Object.fromEntries(
      [...frameEntities({ workspaces: [kube], runtimes: [] }, context)]
        .concat(entities, datasets)
        .map(e => [
          stringifyEntityRef(e),
          [
            e.metadata.annotations?.['backstage.io/kubernetes-id'],
            e.metadata.annotations?.['backstage.io/kubernetes-label-selector'],
          ],
        ]),
    );
    const projectSelector = 'ml-platform.io/project-id=p1';
    expect(tabs).toEqual({
      'workspace:default/demo': [undefined, 'ml-platform.io/workspace=demo'],
      'project:demo/churn': ['ml-project-p1', projectSelector],
      'system:demo/churn': ['ml-project-p1', projectSelector],
      'model:demo/churn.classifier': ['ml-model-m1', undefined],
      'api:demo/churn.classifier': ['ml-model-m1', undefined],
      'component:demo/churn-dashboard': [
        'ml-project-p1',
        'ml-platform.io/app-slug=churn-dashboard',
      ],
      // A table the workspace's models share runs nothing.
      'resource:demo/warehouse.customer_events': [undefined, undefined],
    });
  });

  it('puts no env value of the workspace, project, build, deployment or application in any entity', () => {
    const entities = [
      ...frameEntities(
        { workspaces: [...context.workspaces.values()], runtimes: [python] },
        context,
      ),
      ...projectEntities(viewOf('private'), context)!.entities,
      ...projectEntities(viewOf('private'), context)!.datasets,
    ];
    expect(entities.length).toBeGreaterThan(5);
    for (const entity of entities) {
      const json = JSON.stringify(entity);
      expect(json).not.toContain(SECRET);
      expect(json).not.toMatch(/DB_PASSWORD|API_KEY|SITE_TOKEN|"env"/);
    }
  });
});
