import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import {
  CheckpointStore,
  actionContext,
  runAction,
} from '../__testUtils__/actionContext';
import { createMlJobRunAction } from './jobRun';
import { exampleIds } from './stepExample';

const { projectId, jobId } = exampleIds;

describe('ml:job:run', () => {
  const api = fakeMlApiPerTest();

  const action = () =>
    createMlJobRunAction({ ml: api().client(), pollIntervalMs: 10 });
  const polls = () => api().requestsTo('GET', /^\/workloads\//);

  it('starts a run and waits until it has succeeded', async () => {
    const { outputs } = await runAction(action(), {
      projectId,
      jobId,
      env: { DAYS: '3' },
    });
    const [start] = api().creations(/\/runs$/);
    expect(start.path).toBe(`/projects/${projectId}/jobs/${jobId}/runs`);
    expect(start.body).toEqual({ env: { DAYS: '3' } });
    expect(polls()).toHaveLength(api().pendingPolls + 1);
    expect(outputs).toEqual({ runId: expect.any(String), state: 'succeeded' });
  });

  it("fails the step with the run's state and reason when the run fails", async () => {
    api().finalStates.run = 'failed';
    await expect(runAction(action(), { projectId, jobId })).rejects.toThrow(
      /failed: failed: exit code 1/,
    );
  });

  it('does not wait when waitForCompletion is false', async () => {
    const { outputs } = await runAction(action(), {
      projectId,
      jobId,
      waitForCompletion: false,
    });
    expect(polls()).toHaveLength(0);
    expect(outputs.state).toBe('queued');
  });

  it('gives up after timeoutSeconds, saying what state the run is in', async () => {
    api().pendingPolls = 1_000_000;
    await expect(
      runAction(action(), { projectId, jobId, timeoutSeconds: 1 }),
    ).rejects.toThrow(/after 1 s; it is still running/);
  });

  it('a retried task waits for the run it started instead of starting another', async () => {
    const checkpoints = new CheckpointStore();
    api().pendingPolls = 1_000_000;
    const first = actionContext(
      { projectId, jobId, timeoutSeconds: 1 },
      { checkpoints },
    );
    await expect(action().handler(first.ctx as any)).rejects.toThrow(/Gave up/);
    api().pendingPolls = 0;
    const second = await runAction(
      action(),
      { projectId, jobId },
      { checkpoints },
    );
    expect(api().creations(/\/runs$/)).toHaveLength(1);
    expect(second.outputs.state).toBe('succeeded');
  });
});
