import { InputError } from '@backstage/errors';
import { inspect } from 'node:util';
import { flakySettings, memorySettings } from '../__testUtils__/memorySettings';
import { EnvSecrets } from './EnvSecrets';
import { SealedSecret } from './SealedSecret';
import { SecretCipher, SecretDecryptionError } from './SecretCipher';
import { SECRET_KEY_SETTING, decodeSecretKey } from './secretKey';

const KEY_A = Buffer.alloc(32, 1);
const KEY_B = Buffer.alloc(32, 2);
const PLAINTEXT = 'hunter2-and-more';

describe('SecretCipher', () => {
  it('round-trips, with a fresh nonce each time and no plaintext in the sealed value', () => {
    const cipher = new SecretCipher(KEY_A);
    const one = cipher.encrypt(PLAINTEXT);
    const two = cipher.encrypt(PLAINTEXT);
    expect(one).not.toBe(two);
    expect(one).toMatch(/^v1\.[A-Za-z0-9_-]{8}\./);
    expect(one).not.toContain(PLAINTEXT);
    expect(
      Buffer.from(one.split('.')[4], 'base64url').toString(),
    ).not.toContain(PLAINTEXT);
    expect(cipher.decrypt(one)).toBe(PLAINTEXT);
    expect(cipher.decrypt(cipher.encrypt(''))).toBe('');
  });

  it('says that another key sealed a value, instead of returning garbage', () => {
    const sealed = new SecretCipher(KEY_A).encrypt(PLAINTEXT);
    const other = new SecretCipher(KEY_B);
    expect(() => other.decrypt(sealed)).toThrow(SecretDecryptionError);
    expect(() => other.decrypt(sealed)).toThrow(
      `it was encrypted with key ${
        new SecretCipher(KEY_A).keyId
      }, but this backend's key is ${other.keyId}`,
    );
  });

  it('refuses an altered value and one that is not sealed at all', () => {
    const cipher = new SecretCipher(KEY_A);
    const parts = cipher.encrypt(PLAINTEXT).split('.');
    const data = Buffer.from(parts[4], 'base64url');
    data[0] ^= 1;
    parts[4] = data.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow(/altered or damaged/);
    expect(() => cipher.decrypt(PLAINTEXT)).toThrow(/not a sealed secret/);
  });

  it('takes 32-byte keys only', () => {
    expect(() => new SecretCipher(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

describe('decodeSecretKey', () => {
  it('takes the base64 of exactly 32 bytes and nothing else', () => {
    expect(decodeSecretKey(KEY_A.toString('base64'))).toEqual(KEY_A);
    expect(decodeSecretKey(` ${KEY_A.toString('base64')}\n`)).toEqual(KEY_A);
    for (const bad of [
      '',
      'short',
      Buffer.alloc(31).toString('base64'),
      `${KEY_A.toString('base64')}!`,
      KEY_A.toString('hex'),
    ]) {
      expect([bad, decodeSecretKey(bad)]).toEqual([bad, undefined]);
    }
  });
});

describe('EnvSecrets', () => {
  it('seals secrets with a value, leaves plain values, and opens them again', async () => {
    const secrets = new EnvSecrets({ key: KEY_A, settings: memorySettings() });
    const env = await secrets.seal({
      PLAIN: 'x',
      TOKEN: { secret: true, value: PLAINTEXT },
    });
    expect(env.PLAIN).toBe('x');
    expect(env.TOKEN).toBeInstanceOf(SealedSecret);
    expect(await secrets.open({ TOKEN: env.TOKEN as SealedSecret })).toEqual({
      TOKEN: PLAINTEXT,
    });
  });

  it('keeps the stored secret for {secret: true} without a value, and refuses one there is none of', async () => {
    const secrets = new EnvSecrets({ key: KEY_A, settings: memorySettings() });
    const stored = await secrets.seal({
      TOKEN: { secret: true, value: PLAINTEXT },
      PLAIN: 'p',
    });
    const next = await secrets.seal(
      { TOKEN: { secret: true }, OTHER: 'o' },
      stored,
    );
    expect(next.TOKEN).toBe(stored.TOKEN);
    expect(next).not.toHaveProperty('PLAIN');

    for (const [name, previous] of [
      ['NEW', stored],
      ['PLAIN', stored],
      ['TOKEN', {}],
    ] as const) {
      const attempt = secrets.seal(
        { [name]: { secret: true } },
        previous,
        'env',
      );
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(
        `env.${name}: {"secret": true} without a value keeps the stored secret, but there is no secret '${name}'`,
      );
    }
  });

  it('masks sealed values in JSON, spreads and log formatting', async () => {
    const secrets = new EnvSecrets({ key: KEY_A, settings: memorySettings() });
    const env = await secrets.seal({
      TOKEN: { secret: true, value: PLAINTEXT },
    });
    const ciphertext = (env.TOKEN as SealedSecret).ciphertext;
    expect(JSON.parse(JSON.stringify({ env }))).toEqual({
      env: { TOKEN: { secret: true } },
    });
    for (const shown of [
      JSON.stringify(env),
      inspect(env, { depth: 5 }),
      inspect({ ...(env.TOKEN as object) }),
      `${env.TOKEN}`,
    ]) {
      expect(shown).not.toContain(ciphertext);
      expect(shown).not.toContain(PLAINTEXT);
    }
  });

  it('generates a key once and stores it when none is configured', async () => {
    const settings = memorySettings();
    const env = await new EnvSecrets({ settings }).seal({
      TOKEN: { secret: true, value: PLAINTEXT },
    });
    expect(
      decodeSecretKey(settings.values.get(SECRET_KEY_SETTING)!),
    ).toHaveLength(32);
    // Another replica on the same database opens it.
    const opened = await new EnvSecrets({ settings }).open({
      TOKEN: env.TOKEN as SealedSecret,
    });
    expect(opened).toEqual({ TOKEN: PLAINTEXT });
  });

  it('fails clearly, naming the variable, when its key is not the one that sealed it', async () => {
    const env = await new EnvSecrets({
      key: KEY_A,
      settings: memorySettings(),
    }).seal({
      TOKEN: { secret: true, value: PLAINTEXT },
    });
    const wrongKey = new EnvSecrets({ key: KEY_B, settings: memorySettings() });
    await expect(
      wrongKey.open({ TOKEN: env.TOKEN as SealedSecret }),
    ).rejects.toThrow(
      /^secret env var TOKEN cannot be decrypted: it was encrypted with key \S+, but this backend's key is \S+ \(ml\.secrets\.key changed\?\)/,
    );
  });

  it('tries the database again after a failed read of the key', async () => {
    const flaky = flakySettings();
    const secrets = new EnvSecrets({ settings: flaky });
    const input = { TOKEN: { secret: true as const, value: PLAINTEXT } };
    await expect(secrets.seal(input)).rejects.toThrow('connection reset');
    await expect(secrets.seal(input)).resolves.toHaveProperty('TOKEN');
  });
});
