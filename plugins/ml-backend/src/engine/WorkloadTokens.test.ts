import { WorkloadTokens } from './WorkloadTokens';

/** A settings store that keeps values in memory, as the database would. */
function memorySettings() {
  const values = new Map<string, string>();
  return {
    calls: 0,
    async getOrCreate(key: string, make: () => string) {
      this.calls += 1;
      if (!values.has(key)) values.set(key, make());
      return values.get(key)!;
    },
  };
}

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
    const settings = memorySettings();
    const flaky = {
      failures: 1,
      async getOrCreate(key: string, make: () => string) {
        if (this.failures-- > 0) throw new Error('connection reset');
        return settings.getOrCreate(key, make);
      },
    };
    const tokens = new WorkloadTokens(flaky);
    await expect(tokens.issue(ref)).rejects.toThrow('connection reset');
    await expect(tokens.issue(ref)).resolves.toMatch(/^mlw_/);
  });
});
