import { FakeMlApi } from '../__testUtils__/FakeMlApi';
import {
  CheckpointStore,
  INITIATOR,
  actionContext,
} from '../__testUtils__/actionContext';
import { createMlJobCreateAction } from './jobCreate';

const projectId = '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01';
const runtimeId = '0b7e3d0a-8f6c-4d6e-a1f2-5c3b9e7d4a10';

describe('ml:job:create', () => {
  let api: FakeMlApi;
  beforeEach(async () => {
    api = await FakeMlApi.start();
  });
  afterEach(() => api.stop());

  it('creates a scheduled job with only the fields given, as the initiating user', async () => {
    const action = createMlJobCreateAction({ ml: api.client() });
    const input = {
      projectId,
      name: 'Train',
      script: 'train.py',
      runtimeId,
      profile: 'small',
      schedule: '0 3 * * *',
    };
    const { ctx, outputs } = actionContext(input);
    await action.handler(ctx as any);

    const [request] = api.creations(/\/jobs$/);
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
      jobId: api.thing(outputs.jobId as string).id,
      jobName: 'Train',
    });
  });

  it('a retried task does not create the job twice', async () => {
    const action = createMlJobCreateAction({ ml: api.client() });
    const checkpoints = new CheckpointStore();
    const input = {
      projectId,
      name: 'Evaluate',
      script: 'evaluate.py',
      runtimeId,
      profile: 'small',
    };
    const first = actionContext(input, { checkpoints });
    await action.handler(first.ctx as any);
    const second = actionContext(input, { checkpoints });
    await action.handler(second.ctx as any);
    expect(api.creations(/\/jobs$/)).toHaveLength(1);
    expect(second.outputs.jobId).toBe(first.outputs.jobId);
  });

  it("fails with the ML API's reason when it refuses the job", async () => {
    const action = createMlJobCreateAction({ ml: api.client() });
    api.failNext = {
      method: 'POST',
      pathPattern: /\/jobs$/,
      status: 400,
      message:
        'schedule: a job has either a cron schedule or a parent job, not both',
    };
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
});
