import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import {
  INITIATOR,
  actionContext,
  runAction,
} from '../__testUtils__/actionContext';
import { createMlJobCreateAction } from './jobCreate';
import { jobCreateExamples } from './jobCreate.examples';
import { exampleSteps } from '../__testUtils__/exampleSteps';
import { exampleIds } from './stepExample';

const { projectId, runtimeId } = exampleIds;

describe('ml:job:create', () => {
  const api = fakeMlApiPerTest();

  it('creates a scheduled job with only the fields given, as the initiating user', async () => {
    const action = createMlJobCreateAction({ ml: api().client() });
    const [{ input }] = exampleSteps(jobCreateExamples[0]);
    const { outputs } = await runAction(action, input);

    const [request] = api().creations(/\/jobs$/);
    expect(request.path).toBe(`/projects/${projectId}/jobs`);
    expect(request.body).toEqual({
      name: 'Train',
      script: 'train.py',
      runtimeId,
      profile: 'small',
      schedule: '0 3 * * *',
    });
    expect(request.onBehalfOf).toBe(INITIATOR);
    expect(outputs).toEqual({
      jobId: api().thing(outputs.jobId as string).id,
      jobName: 'Train',
    });
  });

  it("fails with the ML API's reason when it refuses the job", async () => {
    const action = createMlJobCreateAction({ ml: api().client() });
    api().refuseNext(
      'POST',
      /\/jobs$/,
      400,
      'schedule: a job has either a cron schedule or a parent job, not both',
    );
    const { ctx, outputs } = actionContext({
      projectId,
      name: 'Both',
      script: 'x.py',
      runtimeId,
      profile: 'small',
      schedule: '* * * * *',
      parentJobId: runtimeId,
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /InputError: schedule: a job has either/,
    );
    expect(outputs).toEqual({});
  });

  it('passes the candidate a retraining job offers its model', async () => {
    const action = createMlJobCreateAction({ ml: api().client() });
    const [{ input }] = exampleSteps(jobCreateExamples[2]);
    await runAction(action, input);

    const [request] = api().creations(/\/jobs$/);
    expect(request.body).toEqual({
      name: 'Retrain',
      script: 'retrain.py',
      runtimeId,
      profile: 'small',
      candidate: {
        model: 'price-predictor',
        kind: 'build',
        filePath: 'model.py',
        functionName: 'predict',
      },
    });
  });
});
