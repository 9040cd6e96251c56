import { WorkloadTokens } from './WorkloadTokens';
import { flakySettings, memorySettings } from '../__testUtils__/memorySettings';

describe('WorkloadTokens', () => {
  const ref = {
    workloadId: '6f1c2a4e-8d1b-4c55-9e0a-3b7f1d2c9a10',
    attempt: 2,
  };

  it('verifies what it issued, naming the workload attempt', async () => {
    const tokens = new WorkloadTokens(memorySettings());
    const token = await tokens.issue(ref);
    expect(token).toMatch(/^mlw_/);
    await expect(tokens.verify(token)).resolves.toEqual(ref);
  });

  it('is verified by another replica that shares the settings', async () => {
    const settings = memorySettings();
    const token = await new WorkloadTokens(settings).issue(ref);
    await expect(new WorkloadTokens(settings).verify(token)).resolves.toEqual(
      ref,
    );
  });

  it('refuses tokens signed with another key, altered or malformed', async () => {
    const tokens = new WorkloadTokens(memorySettings());
    const foreign = await new WorkloadTokens(memorySettings()).issue(ref);
    const token = await tokens.issue(ref);
    const otherAttempt = token.replace('.2.', '.3.');
    for (const bad of [
      foreign,
      otherAttempt,
      `${token}x`,
      'mlw_a.b',
      'mlw_x.0.sig',
      'Bearer',
      '',
    ]) {
      await expect(tokens.verify(bad)).resolves.toBeUndefined();
    }
  });

  it('reads the signing key once', async () => {
    const settings = memorySettings();
    const tokens = new WorkloadTokens(settings);
    await Promise.all([
      tokens.issue(ref),
      tokens.issue(ref),
      tokens.verify('mlw_a.1.b'),
    ]);
    expect(settings.calls).toBe(1);
  });

  it('tries the database again after a failed read of the key', async () => {
    const flaky = flakySettings();
    const tokens = new WorkloadTokens(flaky);
    await expect(tokens.issue(ref)).rejects.toThrow('connection reset');
    await expect(tokens.issue(ref)).resolves.toMatch(/^mlw_/);
  });
});
