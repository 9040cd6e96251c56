import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogProcessorResult,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { MlEntitiesProcessor } from './MlEntitiesProcessor';

const location: LocationSpec = {
  type: 'ml-platform',
  target: 'http://localhost:7007/api/ml',
};

const workspace: Entity = {
  apiVersion: 'ml-platform.io/v1alpha1',
  kind: 'Workspace',
  metadata: { name: 'demo' },
  spec: { owner: 'group:default/ml-research', driver: 'local' },
};

const project: Entity = {
  apiVersion: 'ml-platform.io/v1alpha1',
  kind: 'Project',
  metadata: { name: 'churn', namespace: 'demo' },
  spec: { owner: 'user:default/jane', workspace: 'demo', visibility: 'team' },
};

const model: Entity = {
  apiVersion: 'ml-platform.io/v1alpha1',
  kind: 'Model',
  metadata: { name: 'churn-classifier', namespace: 'demo' },
  spec: {
    owner: 'ml-research',
    project: 'churn',
    dependsOn: ['customer-events', 'resource:default/holidays'],
    providesApis: ['churn-api'],
  },
};

const application: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'churn-dashboard',
    namespace: 'demo',
    annotations: { 'ml-platform.io/project': 'project:demo/churn' },
  },
  spec: {
    type: 'ml-application',
    lifecycle: 'production',
    owner: 'user:default/jane',
    consumesApis: ['api:demo/churn.classifier'],
  },
};

const dataset: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'customer-events' },
  spec: { type: 'dataset', owner: 'ml-research' },
};

/** Runs postProcessEntity and returns the relations as "source type target". */
async function relationsOf(entity: Entity): Promise<string[]> {
  const results: CatalogProcessorResult[] = [];
  const returned = await new MlEntitiesProcessor().postProcessEntity(
    entity,
    location,
    result => results.push(result),
  );
  expect(returned).toBe(entity);
  return results.map(result => {
    if (result.type !== 'relation') {
      throw new Error(`unexpected result ${result.type}`);
    }
    const { source, type, target } = result.relation;
    return `${stringifyEntityRef(source)} ${type} ${stringifyEntityRef(
      target,
    )}`;
  });
}

describe('MlEntitiesProcessor', () => {
  const processor = new MlEntitiesProcessor();

  it('has a stable name', () => {
    expect(processor.getProcessorName()).toBe('MlEntitiesProcessor');
  });

  describe('validateEntityKind', () => {
    it.each([workspace, project, model])(
      'accepts a valid $kind',
      async entity => {
        await expect(processor.validateEntityKind(entity)).resolves.toBe(true);
      },
    );

    it('leaves other kinds to other processors', async () => {
      await expect(
        processor.validateEntityKind({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'x' },
          spec: { type: 'service', owner: 'me', lifecycle: 'production' },
        }),
      ).resolves.toBe(false);
      await expect(
        processor.validateEntityKind({
          ...project,
          apiVersion: 'ml-platform.io/v2',
        }),
      ).resolves.toBe(false);
    });

    it('rejects an ML entity that does not match its schema', async () => {
      await expect(
        processor.validateEntityKind({
          ...workspace,
          spec: { driver: 'local' },
        }),
      ).rejects.toThrow(/owner/);
      await expect(
        processor.validateEntityKind({
          ...project,
          spec: {
            owner: 'user:default/jane',
            workspace: 'demo',
            visibility: 'world',
          },
        }),
      ).rejects.toThrow(/visibility/);
      await expect(
        processor.validateEntityKind({
          ...model,
          spec: { owner: 'me', project: 'churn', providesApis: 'churn-api' },
        }),
      ).rejects.toThrow(/providesApis/);
    });
  });

  describe('postProcessEntity', () => {
    it.each([
      [
        'a workspace to its owner both ways',
        workspace,
        [
          'workspace:default/demo ownedBy group:default/ml-research',
          'group:default/ml-research ownerOf workspace:default/demo',
        ],
      ],
      [
        'a project to its owner and its workspace (a bare name is in the default namespace)',
        project,
        [
          'project:demo/churn ownedBy user:default/jane',
          'user:default/jane ownerOf project:demo/churn',
          'project:demo/churn partOf workspace:default/demo',
          'workspace:default/demo hasPart project:demo/churn',
        ],
      ],
      [
        'a model to its owner, project, datasets and APIs',
        model,
        [
          'model:demo/churn-classifier ownedBy group:demo/ml-research',
          'group:demo/ml-research ownerOf model:demo/churn-classifier',
          'model:demo/churn-classifier partOf project:demo/churn',
          'project:demo/churn hasPart model:demo/churn-classifier',
          'model:demo/churn-classifier dependsOn resource:demo/customer-events',
          'resource:demo/customer-events dependencyOf model:demo/churn-classifier',
          'model:demo/churn-classifier dependsOn resource:default/holidays',
          'resource:default/holidays dependencyOf model:demo/churn-classifier',
          'model:demo/churn-classifier providesApi api:demo/churn-api',
          'api:demo/churn-api apiProvidedBy model:demo/churn-classifier',
        ],
      ],
      [
        'an ml-application Component to its project (from its annotation)',
        application,
        [
          'component:demo/churn-dashboard partOf project:demo/churn',
          'project:demo/churn hasPart component:demo/churn-dashboard',
        ],
      ],
      ['nothing of other kinds', dataset, []],
    ])('relates %s', async (_what, entity, relations) => {
      expect(await relationsOf(entity)).toEqual(relations);
    });

    it('makes a model part of its System (a bare name is in its namespace)', async () => {
      const inSystem = (system: string) => ({
        ...model,
        spec: { owner: 'ml-research', project: 'churn', system },
      });
      expect(await relationsOf(inSystem('churn'))).toEqual(
        expect.arrayContaining([
          'model:demo/churn-classifier partOf system:demo/churn',
          'system:demo/churn hasPart model:demo/churn-classifier',
        ]),
      );
      expect(await relationsOf(inSystem('system:ml/churn'))).toEqual(
        expect.arrayContaining([
          'model:demo/churn-classifier partOf system:ml/churn',
          'system:ml/churn hasPart model:demo/churn-classifier',
        ]),
      );
    });

    it('relates a project to the runtimes it depends on', async () => {
      expect(
        await relationsOf({
          ...project,
          spec: {
            ...project.spec,
            dependsOn: [
              'resource:default/workbench-python-3-standard-2026.11.1',
            ],
          },
        }),
      ).toEqual(
        expect.arrayContaining([
          'project:demo/churn dependsOn resource:default/workbench-python-3-standard-2026.11.1',
          'resource:default/workbench-python-3-standard-2026.11.1 dependencyOf project:demo/churn',
        ]),
      );
    });
  });
});
