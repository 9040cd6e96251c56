import { SecretEnvValue } from '@ml-platform/plugin-ml-common';

/**
 * A secret env value as the backend holds it: ciphertext only. It is what
 * stores return inside `env` maps, so it travels through services like any
 * value, and it masks itself wherever it is serialized: JSON (every API
 * response, the catalog's reads) shows `{ "secret": true }`, and the
 * ciphertext is a private field that neither spreading nor `util.inspect`
 * (log lines) reveals. Only the stores (to persist it) and EnvSecrets (to
 * open it for a driver) read the ciphertext.
 */
export class SealedSecret implements SecretEnvValue {
  readonly secret = true as const;
  readonly #ciphertext: string;

  constructor(ciphertext: string) {
    this.#ciphertext = ciphertext;
  }

  get ciphertext(): string {
    return this.#ciphertext;
  }

  toJSON(): SecretEnvValue {
    return { secret: true };
  }

  toString(): string {
    return '[secret]';
  }
}
