import { Response } from 'supertest';
import { MlTestBackend } from './startMlBackend';

/**
 * Sends a request with the backend's snapshot taken before and after it,
 * for tests of refusals that must change nothing.
 */
export async function sendWithSnapshots(
  backend: MlTestBackend,
  send: () => PromiseLike<Response>,
): Promise<{ res: Response; before: unknown; after: unknown }> {
  const before = await backend.snapshot();
  const res = await send();
  return { res, before, after: await backend.snapshot() };
}
