import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import {
  INITIATOR,
  runAction,
  runRetried,
} from '../__testUtils__/actionContext';
import { createMlModelRegisterAction } from './modelRegister';
import { exampleIds } from './stepExample';

const { projectId, jobRunId } = exampleIds;
const otherProjectId = '8c1e5a7b-2d4f-4b6a-9e8c-0f1a2b3c4d70';
const name = 'flats/price-predictor';

describe('ml:model:register', () => {
  const api = fakeMlApiPerTest();

  const action = () => createMlModelRegisterAction(api().actionOptions());
  const mlflowCalls = (endpoint: string) =>
    api().requests.filter(r => r.path.endsWith(`/mlflow/${endpoint}`));

  it('registers the newest MLflow run of a job run in a new model tagged with the project', async () => {
    api().mlflow.addRun({ projectId, workloadId: jobRunId, startTime: 1 });
    const newest = api().mlflow.addRun({
      projectId,
      workloadId: jobRunId,
      startTime: 2,
    });
    api().mlflow.addRun({
      projectId,
      workloadId: otherProjectId,
      startTime: 3,
    });

    const { outputs } = await runAction(action(), {
      projectId,
      name,
      jobRunId,
    });

    expect(outputs).toEqual({ name, version: '1', runId: newest });
    const [search] = mlflowCalls('runs/search');
    expect(search.body).toMatchObject({
      filter: `tags.\`ml.workload_id\` = '${jobRunId}'`,
      order_by: ['attributes.start_time DESC'],
    });
    expect(mlflowCalls('registered-models/create')[0].body).toEqual({
      name,
      tags: [{ key: 'ml.project_id', value: projectId }],
    });
    expect(mlflowCalls('model-versions/create')[0].body).toEqual({
      name,
      source: `runs:/${newest}/model`,
      run_id: newest,
    });
    // Every MLflow call is made as the user who started the task.
    expect(
      new Set(
        api()
          .requests.filter(r => r.path.startsWith('/mlflow/'))
          .map(r => r.onBehalfOf),
      ),
    ).toEqual(new Set([INITIATOR]));
  });

  it('adds a version to a model the project has, from a given run and folder, and sets the alias', async () => {
    const runId = api().mlflow.addRun({
      projectId,
      artifacts: ['export/MLmodel', 'export/model.json'],
    });
    api().mlflow.addModel(name, projectId);
    api().mlflow.models.get(name)!.versions.push({ version: '1', source: 'x' });

    const { outputs } = await runAction(action(), {
      projectId,
      name,
      runId,
      artifactPath: '/export/',
      description: 'Retrained',
      alias: 'champion',
    });

    expect(outputs).toEqual({ name, version: '2', runId });
    expect(mlflowCalls('registered-models/create')).toHaveLength(0);
    expect(mlflowCalls('model-versions/create')[0].body).toEqual({
      name,
      source: `runs:/${runId}/export`,
      run_id: runId,
      description: 'Retrained',
    });
    expect(api().mlflow.models.get(name)!.aliases).toEqual({ champion: '2' });
  });

  it('a retried task registers once', async () => {
    api().mlflow.addRun({ projectId, workloadId: jobRunId });
    const { first, second } = await runRetried(action(), {
      projectId,
      name,
      jobRunId,
      alias: 'champion',
    });
    expect(second.outputs).toEqual(first.outputs);
    expect(mlflowCalls('model-versions/create')).toHaveLength(1);
    expect(api().mlflow.models.get(name)!.versions).toHaveLength(1);
  });

  it('refuses a run without the artifact folder, naming what the run has', async () => {
    const runId = api().mlflow.addRun({ projectId, artifacts: ['model.pkl'] });
    await expect(
      runAction(action(), { projectId, name, runId }),
    ).rejects.toThrow(
      `MLflow run ${runId} has no artifact folder 'model' to register (its artifacts are: model.pkl)`,
    );
    expect(mlflowCalls('registered-models/create')).toHaveLength(0);
  });

  it('refuses a job run that logged no MLflow run', async () => {
    api().mlflow.addRun({ projectId, workloadId: otherProjectId });
    await expect(
      runAction(action(), { projectId, name, jobRunId }),
    ).rejects.toThrow(`Job run ${jobRunId} logged no MLflow run`);
  });

  it('refuses a run of another project, and a model name another project has', async () => {
    const foreignRun = api().mlflow.addRun({ projectId: otherProjectId });
    await expect(
      runAction(action(), { projectId, name, runId: foreignRun }),
    ).rejects.toThrow(/is in experiment .* of another project/);

    api().mlflow.addRun({ projectId, workloadId: jobRunId });
    api().mlflow.addModel(name, otherProjectId);
    await expect(
      runAction(action(), { projectId, name, jobRunId }),
    ).rejects.toThrow(
      `The registered model '${name}' belongs to another project`,
    );
    expect(mlflowCalls('model-versions/create')).toHaveLength(0);
  });

  it('says which run is missing, and wants exactly one of runId and jobRunId', async () => {
    const runId = 'ffffffffffffffffffffffffffffffff';
    await expect(
      runAction(action(), { projectId, name, runId }),
    ).rejects.toThrow(`There is no MLflow run ${runId}`);
    await expect(runAction(action(), { projectId, name })).rejects.toThrow(
      /exactly one of runId .* and jobRunId/,
    );
    await expect(
      runAction(action(), { projectId, name, runId, jobRunId }),
    ).rejects.toThrow(/exactly one of runId/);
  });
});
