import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createEngineHarness } from '../__testUtils__/engineHarness';
import { EnvSecrets } from '../secrets/EnvSecrets';
import { SealedSecret } from '../secrets/SealedSecret';
import { mergeEnvLayers } from './workloadEnv';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const memorySettings = () => ({
  getOrCreate: async (_key: string, make: () => string) => make(),
});

/** WorkloadSpec.secretEnv: what the engine opens for a driver, and only for it. */
describe.each(databases.eachSupportedId())(
  'secret env in workload specs (%s)',
  databaseId => {
    let h: Awaited<ReturnType<typeof createEngineHarness>>;
    afterEach(() => h?.cleanup());

    it('gives the driver the secrets decrypted and apart from env, the platform variables winning', async () => {
      h = await createEngineHarness(databases, databaseId);
      const layer = await h.secrets.seal({
        TOKEN: { secret: true, value: 'tok-value' },
        ML_API_URL: { secret: true, value: 'http://evil.example' },
        PLAIN: 'p',
      });
      const p = await h.project('secrets-p', 'user:default/jane');
      const w = await h.submit(
        p,
        1,
        mergeEnvLayers([layer], { ML_PROJECT_NAME: p.name }),
      );
      const spec = h.specOf(w.id)!;
      expect(spec.secretEnv).toEqual({ TOKEN: 'tok-value' });
      expect(spec.env).toMatchObject({
        PLAIN: 'p',
        ML_API_URL: 'http://127.0.0.1:7007/api/ml',
        ML_PROJECT_NAME: p.name,
      });
      expect(spec.env).not.toHaveProperty('TOKEN');
      expect(JSON.stringify(spec.env)).not.toContain('tok-value');
      // The workload row keeps the plain half and the sealed half.
      const stored = await h.state(w.id);
      expect(stored.env).not.toHaveProperty('TOKEN');
      expect(stored.secretEnv.TOKEN).toBeInstanceOf(SealedSecret);
    });

    it('passes no secretEnv when there are no secrets', async () => {
      h = await createEngineHarness(databases, databaseId);
      const w = await h.submit(
        await h.project('plain-p', 'user:default/jane'),
        1,
        { env: { A: '1' } },
      );
      expect(h.specOf(w.id)).not.toHaveProperty('secretEnv');
    });

    it('fails the start with a clear reason when its secrets do not open with the key', async () => {
      h = await createEngineHarness(databases, databaseId);
      const foreign = new EnvSecrets({
        key: Buffer.alloc(32, 9),
        settings: memorySettings(),
      });
      const layer = await foreign.seal({
        TOKEN: { secret: true, value: 'tok-value' },
      });
      const w = await h.submit(
        await h.project('wrong-key', 'user:default/jane'),
        1,
        mergeEnvLayers([layer]),
      );
      expect(h.specOf(w.id)).toBeUndefined();
      const failed = await h.state(w.id);
      expect(failed.state).toBe('failed');
      expect(failed.reason).toMatch(
        /^could not start: secret env var TOKEN cannot be decrypted: it was encrypted with key \S+, but this backend's key is \S+ \(ml\.secrets\.key changed\?\)/,
      );
      expect(failed.reason).not.toContain('tok-value');
    });
  },
);
