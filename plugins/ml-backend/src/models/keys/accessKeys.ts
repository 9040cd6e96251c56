import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** CML-style model keys: `mk_` + 40 hex characters (160 random bits). */
export const ACCESS_KEY_PREFIX = 'mk_';
const KEY_PATTERN = /^mk_[0-9a-f]{40}$/;

export function generateAccessKey(): string {
  return `${ACCESS_KEY_PREFIX}${randomBytes(20).toString('hex')}`;
}

/** What is stored instead of the key. */
export function hashAccessKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The part of a key that may be shown again: "mk_3f9a…". */
export function maskAccessKey(key: string): string {
  return `${key.slice(0, ACCESS_KEY_PREFIX.length + 4)}…`;
}

/** Cheap check before hashing: anything else cannot be a key. */
export function looksLikeAccessKey(key: unknown): key is string {
  return typeof key === 'string' && KEY_PATTERN.test(key);
}

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
