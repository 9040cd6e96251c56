import { WorkloadRef } from '@ml-platform/plugin-ml-node';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SettingsStore } from '../database';

const PREFIX = 'mlw_';
const SIGNING_KEY_SETTING = 'workload-token-signing-key';

/**
 * Tokens a workload uses to call the ML API (SDK metrics, snapshot
 * downloads). A token names one attempt of one workload and is signed with a
 * key shared by all backend replicas, so verifying it needs no lookup; the
 * caller still checks that the attempt is live, which is what revokes it.
 */
export class WorkloadTokens {
  private key?: Promise<Buffer>;

  constructor(private readonly settings: Pick<SettingsStore, 'getOrCreate'>) {}

  async issue(ref: WorkloadRef): Promise<string> {
    const body = `${ref.workloadId}.${ref.attempt}`;
    return `${PREFIX}${body}.${await this.sign(body)}`;
  }

  /** The workload attempt a token names, or undefined if it is not one of ours. */
  async verify(token: string): Promise<WorkloadRef | undefined> {
    if (!token.startsWith(PREFIX)) return undefined;
    const parts = token.slice(PREFIX.length).split('.');
    if (parts.length !== 3) return undefined;
    const [workloadId, attemptText, signature] = parts;
    const attempt = Number(attemptText);
    if (!Number.isSafeInteger(attempt) || attempt < 1) return undefined;
    const expected = Buffer.from(
      await this.sign(`${workloadId}.${attemptText}`),
    );
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return undefined;
    }
    return { workloadId, attempt };
  }

  private async sign(body: string): Promise<string> {
    this.key ??= this.settings
      .getOrCreate(SIGNING_KEY_SETTING, () =>
        randomBytes(32).toString('base64'),
      )
      .then(value => Buffer.from(value, 'base64'))
      .catch(error => {
        this.key = undefined; // try the database again next time
        throw error;
      });
    return createHmac('sha256', await this.key)
      .update(body)
      .digest('base64url');
  }
}
