import { randomBytes } from 'node:crypto';
import { SettingsStore } from '../database/SettingsStore';
import { SECRET_KEY_BYTES } from './SecretCipher';

/** Where the generated key is kept when `ml.secrets.key` is not set. */
export const SECRET_KEY_SETTING = 'secret-env-key';

/**
 * The key in a base64 text, or undefined when the text is not exactly the
 * base64 of 32 bytes (Buffer.from would quietly skip bad characters and
 * take a short key).
 */
export function decodeSecretKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== SECRET_KEY_BYTES) return undefined;
  return key.toString('base64') === trimmed ? key : undefined;
}

/**
 * The key that seals secret env: the configured one, or one generated once
 * and kept in the database so that every replica shares it (like the
 * workload token's signing key). A generated key sits beside the
 * ciphertext; production sets `ml.secrets.key` instead.
 */
export async function resolveSecretKey(
  configured: Buffer | undefined,
  settings: Pick<SettingsStore, 'getOrCreate'>,
): Promise<Buffer> {
  if (configured) return configured;
  const stored = await settings.getOrCreate(SECRET_KEY_SETTING, () =>
    randomBytes(SECRET_KEY_BYTES).toString('base64'),
  );
  const key = decodeSecretKey(stored);
  if (!key) {
    throw new Error(
      `The stored secret env key (setting '${SECRET_KEY_SETTING}') is not the base64 of ${SECRET_KEY_BYTES} bytes`,
    );
  }
  return key;
}
