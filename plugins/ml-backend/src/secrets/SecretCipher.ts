import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
} from 'node:crypto';

/** AES-256 takes a 32-byte key. */
export const SECRET_KEY_BYTES = 32;
const ALGORITHM = 'aes-256-gcm';
const FORMAT = 'v1';
// 96-bit nonces are what GCM is specified for; a random one per value.
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that this backend cannot open, with the reason. */
export class SecretDecryptionError extends Error {
  readonly name = 'SecretDecryptionError';
}

/**
 * A short, public fingerprint of a key. Sealed values carry it, so a backend
 * with another key says so instead of failing with a bare "authentication
 * failed" (and a later rotation knows which key sealed what).
 */
export function secretKeyId(key: Buffer): string {
  return createHash('sha256')
    .update('ml-platform secret env key\0')
    .update(key)
    .digest('base64url')
    .slice(0, 8);
}

/**
 * Encrypts secret env values with AES-256-GCM. A sealed value is
 * `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts): authenticated,
 * so a damaged value or another key is refused rather than decrypted into
 * garbage.
 */
export class SecretCipher {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== SECRET_KEY_BYTES) {
      throw new Error(
        `A secret key must be ${SECRET_KEY_BYTES} bytes, not ${key.length}`,
      );
    }
    this.keyId = secretKeyId(key);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, {
      authTagLength: TAG_BYTES,
    });
    const data = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
    ]);
    return [
      FORMAT,
      this.keyId,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  /** The plaintext; a SecretDecryptionError that says why when it cannot. */
  decrypt(sealed: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== FORMAT) {
      throw new SecretDecryptionError(
        'the stored value is not a sealed secret',
      );
    }
    const [, keyId, iv, tag, data] = parts;
    if (keyId !== this.keyId) {
      throw new SecretDecryptionError(
        `it was encrypted with key ${keyId}, but this backend's key is ${this.keyId} (ml.secrets.key changed?); configure the key it was set with, or set the secret again`,
      );
    }
    try {
      const decipher = createDecipheriv(
        ALGORITHM,
        this.key,
        Buffer.from(iv, 'base64url'),
        { authTagLength: TAG_BYTES },
      );
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretDecryptionError(
        'the stored value does not decrypt with its key (it was altered or damaged); set the secret again',
      );
    }
  }
}
