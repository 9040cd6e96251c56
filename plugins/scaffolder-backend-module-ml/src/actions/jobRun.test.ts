import { FakeMlApi } from '../__testUtils__/FakeMlApi';
import { CheckpointStore, actionContext } from '../__testUtils__/actionContext';
import { createMlJobRunAction } from './jobRun';

const projectId = '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01';
const jobId = '9d2f4b6e-1a3c-4e5f-8a7b-6c5d4e3f2a10';

describe('ml:job:run', () => {
  let api: FakeMlApi;
  beforeEach(async () => {
    api = await FakeMlApi.start();
  });
  afterEach(() => api.stop());

  const action = () =>
    createMlJobRunAction({ ml: api.client(), pollIntervalMs: 10 });
  const polls = () =>
    api.requests.filter(
      r => r.method === 'GET' && r.path.startsWith('/workloads/'),
    );

  it('starts a run and waits until it has succeeded', async () => {
    const { ctx, outputs } = actionContext({
      projectId,
      jobId,
      env: { DAYS: '3' },
    });
    await action().handler(ctx as any);
    const [start] = api.creations(/\/runs$/);
    expect(start.path).toBe(`/projects/${projectId}/jobs/${jobId}/runs`);
    expect(start.body).toEqual({ env: { DAYS: '3' } });
    expect(polls()).toHaveLength(api.pendingPolls + 1);
    expect(outputs).toEqual({ runId: expect.any(String), state: 'succeeded' });
  });

  it("fails the step with the run's state and reason when the run fails", async () => {
    api.finalStates.run = 'failed';
    const { ctx } = actionContext({ projectId, jobId });
    await expect(action().handler(ctx as any)).rejects.toThrow(
      /failed: failed: exit code 1/,
    );
  });

  it('does not wait when waitForCompletion is false', async () => {
    const { ctx, outputs } = actionContext({
      projectId,
      jobId,
      waitForCompletion: false,
    });
    await action().handler(ctx as any);
    expect(polls()).toHaveLength(0);
    expect(outputs.state).toBe('queued');
  });

  it('gives up after timeoutSeconds, saying what state the run is in', async () => {
    api.pendingPolls = 1_000_000;
    const { ctx } = actionContext({ projectId, jobId, timeoutSeconds: 1 });
    await expect(action().handler(ctx as any)).rejects.toThrow(
      /after 1 s; it is still running/,
    );
  });

  it('a retried task waits for the run it started instead of starting another', async () => {
    const checkpoints = new CheckpointStore();
    api.pendingPolls = 1_000_000;
    const first = actionContext(
      { projectId, jobId, timeoutSeconds: 1 },
      { checkpoints },
    );
    await expect(action().handler(first.ctx as any)).rejects.toThrow(/Gave up/);
    api.pendingPolls = 0;
    const second = actionContext({ projectId, jobId }, { checkpoints });
    await action().handler(second.ctx as any);
    expect(api.creations(/\/runs$/)).toHaveLength(1);
    expect(second.outputs.state).toBe('succeeded');
  });
});
