import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import {
  INITIATOR,
  runAction,
  runRetried,
} from '../__testUtils__/actionContext';
import { createMlApplicationStartAction } from './applicationStart';
import { exampleIds } from './stepExample';

const { projectId, runtimeId } = exampleIds;
const input = {
  projectId,
  name: 'Dashboard',
  slug: 'dash',
  script: 'app.py',
  runtimeId,
  profile: 'small',
};

describe('ml:application:start', () => {
  const api = fakeMlApiPerTest();

  const action = () =>
    createMlApplicationStartAction({
      ml: api().client(),
      pollIntervalMs: 10,
    });
  const starts = () =>
    api().requests.filter(
      r => r.method === 'POST' && r.path.endsWith('/start'),
    );

  it('creates the application, starts it, waits until it runs and outputs its URL', async () => {
    const { outputs } = await runAction(action(), input);
    const [create] = api().creations(/\/applications$/);
    expect(create.body).toEqual({
      name: 'Dashboard',
      slug: 'dash',
      script: 'app.py',
      runtimeId,
      profile: 'small',
    });
    expect(create.onBehalfOf).toBe(INITIATOR);
    expect(starts()).toHaveLength(1);
    expect(outputs).toEqual({
      appId: expect.any(String),
      state: 'running',
      url: 'https://portal.example.com/api/ml/apps/dash/',
    });
  });

  it('does not start an application that creating already started', async () => {
    api().createStartsApplications = true;
    const { outputs } = await runAction(action(), input);
    expect(starts()).toHaveLength(0);
    expect(outputs.state).toBe('running');
  });

  it('fails when the application ends instead of running', async () => {
    api().finalStates.application = 'failed';
    await expect(runAction(action(), input)).rejects.toThrow(
      /application dash failed/,
    );
  });

  it('a retried task neither creates nor starts the application twice', async () => {
    await runRetried(action(), input);
    expect(api().creations(/\/applications$/)).toHaveLength(1);
    expect(starts()).toHaveLength(1);
  });
});
