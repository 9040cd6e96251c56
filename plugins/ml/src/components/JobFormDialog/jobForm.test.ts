import { reportJob, trainJob } from '../../testing/fixtures';
import { checkForm, initialState } from './jobForm';

describe('jobForm', () => {
  it('starts from the job, with its trigger', () => {
    expect(initialState(trainJob)).toMatchObject({
      args: '--epochs 3',
      retries: '1',
      timeout: '',
      trigger: { kind: 'schedule', schedule: '0 3 * * *' },
    });
    expect(initialState(reportJob).trigger).toMatchObject({
      kind: 'dependency',
      parentJobId: trainJob.id,
    });
    expect(initialState().trigger.kind).toBe('manual');
  });

  it('reads numbers and names problems by API field', () => {
    const form = { ...initialState(trainJob), timeout: '0', retries: '11' };
    const { problems, timeout, backoff } = checkForm(form);
    expect(timeout).toBe(0);
    expect(backoff).toBe(30);
    expect(problems.timeoutSeconds).toMatch(/whole number of seconds/);
    expect(problems.maxRetries).toBe('From 0 to 10');
    expect(problems.name).toBeUndefined();
    expect(checkForm(initialState(trainJob)).timeout).toBeNull();
  });
});
