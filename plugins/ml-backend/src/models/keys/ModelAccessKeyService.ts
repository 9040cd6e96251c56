import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  CreatedModelAccessKey,
  ModelAccessKey,
} from '@ml-platform/plugin-ml-common';
import { v4 as uuid } from 'uuid';
import { ModelAccessKeyStore } from './ModelAccessKeyStore';
import {
  generateAccessKey,
  hashAccessKey,
  looksLikeAccessKey,
  maskAccessKey,
} from './accessKeys';

/** How long a backend trusts its cached answer for a key; bounds how long a key revoked elsewhere still works. */
const KEY_CACHE_MS = 10_000;
const MAX_CACHED_KEYS = 10_000;
/** last_used_at is written at most this often per key, off the request path. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Access keys of models: made once and shown once, stored as hashes, listed
 * masked, revoked by deleting. Resolving a key is cached in memory (it runs
 * on every prediction); a revoke on this backend takes effect at once, on
 * other backends within KEY_CACHE_MS.
 */
export class ModelAccessKeyService {
  private readonly cache = new Map<
    string,
    { modelId?: string; until: number }
  >();
  private readonly touched = new Map<string, number>();
  private readonly revokeListeners: Array<(modelId: string) => void> = [];

  constructor(
    private readonly deps: {
      keys: ModelAccessKeyStore;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  async create(
    modelId: string,
    name: string,
    actor: string,
  ): Promise<CreatedModelAccessKey> {
    const key = generateAccessKey();
    const keyHash = hashAccessKey(key);
    const created = await this.deps.keys.create({
      id: uuid(),
      modelId,
      name,
      masked: maskAccessKey(key),
      createdBy: actor,
      keyHash,
    });
    this.cache.delete(keyHash);
    return { ...created, key };
  }

  list(modelId: string): Promise<ModelAccessKey[]> {
    return this.deps.keys.listByModel(modelId);
  }

  async revoke(modelId: string, keyId: string): Promise<void> {
    if (!(await this.deps.keys.delete(modelId, keyId))) {
      throw new NotFoundError(
        `No access key with id '${keyId}' for this model`,
      );
    }
    // The hash of a deleted key is gone, so the cache is dropped for the model's keys.
    for (const [hash, entry] of this.cache) {
      if (entry.modelId === modelId) this.cache.delete(hash);
    }
    this.revokeListeners.forEach(l => l(modelId));
  }

  async deleteAllOf(modelId: string): Promise<void> {
    await this.deps.keys.deleteByModel(modelId);
    for (const [hash, entry] of this.cache) {
      if (entry.modelId === modelId) this.cache.delete(hash);
    }
  }

  /** Called after a key of the model was revoked here. */
  onRevoke(listener: (modelId: string) => void) {
    this.revokeListeners.push(listener);
  }

  /** The model a key belongs to, or undefined for an unknown or revoked key. */
  async modelOf(key: string): Promise<string | undefined> {
    if (!looksLikeAccessKey(key)) return undefined;
    const keyHash = hashAccessKey(key);
    const now = this.now();
    let entry = this.cache.get(keyHash);
    if (!entry || entry.until < now) {
      entry = {
        modelId: await this.deps.keys.modelOf(keyHash),
        until: now + KEY_CACHE_MS,
      };
      if (this.cache.size >= MAX_CACHED_KEYS) this.cache.clear();
      this.cache.set(keyHash, entry);
    }
    if (entry.modelId) this.touch(keyHash, now);
    return entry.modelId;
  }

  private touch(keyHash: string, now: number) {
    const last = this.touched.get(keyHash) ?? 0;
    if (now - last < TOUCH_INTERVAL_MS) return;
    this.touched.set(keyHash, now);
    if (this.touched.size > MAX_CACHED_KEYS) this.touched.clear();
    // Not awaited: the prediction does not wait for this write.
    this.deps.keys
      .touch(keyHash, new Date(now).toISOString())
      .catch(error =>
        this.deps.logger.warn(
          `Could not record the use of a model access key: ${error}`,
        ),
      );
  }
}
