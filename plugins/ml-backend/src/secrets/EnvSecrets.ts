import { InputError } from '@backstage/errors';
import { EnvVars, EnvVarsInput } from '@ml-platform/plugin-ml-common';
import { SettingsStore } from '../database/SettingsStore';
import { SealedSecret } from './SealedSecret';
import { SecretCipher, SecretDecryptionError } from './SecretCipher';
import { resolveSecretKey } from './secretKey';

/**
 * Seals the secret env vars of requests before anything stores them, and
 * opens them again only for a driver that starts a workload. Plaintext
 * exists in memory on those two paths and nowhere else.
 */
export class EnvSecrets {
  private cipher?: Promise<SecretCipher>;

  constructor(
    private readonly deps: {
      /** `ml.secrets.key`; without it a key is generated once and stored. */
      key?: Buffer;
      settings: Pick<SettingsStore, 'getOrCreate'>;
    },
  ) {}

  /**
   * The env of a request as it is stored: plain values as they are, secrets
   * with a value encrypted, and `{ secret: true }` alone replaced by the
   * secret `previous` holds under that name (refused when it holds none).
   * Throws before anything is written, so a refused request changes nothing.
   */
  async seal(
    input: EnvVarsInput,
    previous: EnvVars = {},
    field = 'env',
  ): Promise<EnvVars> {
    const sealed: EnvVars = {};
    for (const [name, value] of Object.entries(input)) {
      if (typeof value === 'string') {
        sealed[name] = value;
      } else if (value.value !== undefined) {
        const cipher = await this.cipherOnce();
        sealed[name] = new SealedSecret(cipher.encrypt(value.value));
      } else {
        const kept = previous[name];
        if (!(kept instanceof SealedSecret)) {
          throw new InputError(
            `Invalid request body: ${field}.${name}: {"secret": true} without a value keeps the stored secret, but there is no secret '${name}' to keep here; give its value`,
          );
        }
        sealed[name] = kept;
      }
    }
    return sealed;
  }

  /** Decrypts sealed variables for a driver; says which one fails and why. */
  async open(
    secrets: Record<string, SealedSecret>,
  ): Promise<Record<string, string>> {
    const names = Object.keys(secrets);
    if (names.length === 0) return {};
    const cipher = await this.cipherOnce();
    const opened: Record<string, string> = {};
    for (const name of names) {
      try {
        opened[name] = cipher.decrypt(secrets[name].ciphertext);
      } catch (error) {
        if (!(error instanceof SecretDecryptionError)) throw error;
        throw new SecretDecryptionError(
          `secret env var ${name} cannot be decrypted: ${error.message}`,
        );
      }
    }
    return opened;
  }

  private cipherOnce(): Promise<SecretCipher> {
    this.cipher ??= resolveSecretKey(this.deps.key, this.deps.settings)
      .then(key => new SecretCipher(key))
      .catch(error => {
        this.cipher = undefined; // try the database again next time
        throw error;
      });
    return this.cipher;
  }
}
