import { NotFoundError } from '@backstage/errors';
import {
  Model,
  ModelBuild,
  ModelDeployment,
  Project,
} from '@ml-platform/plugin-ml-common';
import { testApplication } from '../../__testUtils__/apiObjects';
import { LineageService } from './LineageService';

const at = '2026-11-22T00:00:00Z';
const project = { id: 'p1', workspace: 'demo', name: 'churn' } as Project;
const model = {
  id: 'm1',
  projectId: 'p1',
  name: 'classifier',
  activeDeploymentId: 'd2',
} as Model;

function build(
  id: string,
  number: number,
  datasets: string[],
  state: ModelBuild['state'] = 'built',
): ModelBuild {
  return {
    id,
    modelId: 'm1',
    number,
    filePath: 'model.py',
    functionName: 'predict',
    runtimeId: 'r1',
    comment: '',
    examples: [],
    env: {},
    state,
    datasets,
    lineageMetadata: { query: `q${number}` },
    createdBy: 'user:default/jane',
    createdAt: at,
  };
}

function deployment(
  id: string,
  buildId: string,
  buildNumber: number,
  state: ModelDeployment['state'],
): ModelDeployment {
  return {
    id,
    modelId: 'm1',
    buildId,
    buildNumber,
    replicas: 1,
    profile: 'small',
    env: {},
    state,
    replicaStatus: [],
    createdBy: 'user:default/jane',
    createdAt: at,
    updatedAt: at,
  };
}

describe('LineageService', () => {
  const sources = {
    projects: {
      get: jest.fn(async (id: string) => {
        if (id !== 'p1') throw new NotFoundError(`No project '${id}'`);
        return project;
      }),
    },
    models: { get: jest.fn(async () => model) },
    modelBuilds: {
      list: jest.fn(async () => [
        build('b2', 2, ['warehouse.events', 'warehouse.plans']),
        build('b1', 1, ['warehouse.events']),
        build('b3', 3, [], 'failed'),
      ]),
    },
    modelDeployments: {
      list: jest.fn(async () => [
        deployment('d2', 'b2', 2, 'deployed'),
        deployment('d1', 'b1', 1, 'stopped'),
      ]),
    },
    applications: {
      list: jest.fn(async () => [
        testApplication('a1', 'p1', 'churn-dashboard', {
          env: { ML_MODEL_NAME: 'classifier' },
        }),
        testApplication('a2', 'p1', 'other', {
          env: { ML_MODEL_NAMES: 'forecast, elsewhere/classifier' },
        }),
        testApplication('a3', 'p1', 'both', {
          env: { ML_MODEL_NAMES: 'forecast,churn/classifier' },
        }),
      ]),
    },
  };

  it('links datasets → builds → deployments → the endpoint → applications that call the model', async () => {
    const lineage = await new LineageService(sources).get('p1', 'classifier');
    expect(lineage.modelId).toBe('m1');
    expect(lineage.entityRef).toBe('model:demo/churn.classifier');
    expect(
      lineage.nodes.map(n => `${n.id} ${n.entityRef ?? '-'} ${n.state ?? '-'}`),
    ).toEqual([
      'build:b1 - built',
      'dataset:warehouse.events resource:demo/warehouse.events -',
      'build:b2 - built',
      'dataset:warehouse.plans resource:demo/warehouse.plans -',
      'build:b3 - failed',
      'endpoint:m1 api:demo/churn.classifier -',
      'deployment:d2 - deployed',
      'deployment:d1 - stopped',
      'application:a1 component:demo/churn-dashboard running',
      'application:a3 component:demo/both running',
    ]);
    expect(lineage.edges.map(e => `${e.from} ${e.type} ${e.to}`)).toEqual([
      'dataset:warehouse.events trainedOn build:b1',
      'dataset:warehouse.events trainedOn build:b2',
      'dataset:warehouse.plans trainedOn build:b2',
      'build:b2 deployedAs deployment:d2',
      // Only the active deployment serves the endpoint.
      'deployment:d2 serves endpoint:m1',
      'build:b1 deployedAs deployment:d1',
      'endpoint:m1 calledBy application:a1',
      'endpoint:m1 calledBy application:a3',
    ]);
    expect(lineage.nodes.find(n => n.id === 'build:b2')!.details).toEqual(
      expect.objectContaining({ lineageMetadata: { query: 'q2' } }),
    );
    expect(lineage.nodes.find(n => n.id === 'deployment:d2')!.details).toEqual(
      expect.objectContaining({ active: true, replicas: 1 }),
    );
  });

  it('ends at the endpoint in a backend without applications', async () => {
    const { applications: _none, ...withoutApps } = sources;
    const lineage = await new LineageService(withoutApps).get('p1', 'm1');
    expect(lineage.nodes.some(n => n.kind === 'application')).toBe(false);
    expect(lineage.edges.some(e => e.type === 'calledBy')).toBe(false);
  });

  it('passes on a missing project', async () => {
    await expect(new LineageService(sources).get('p9', 'm1')).rejects.toThrow(
      NotFoundError,
    );
  });
});
