import { Response } from 'supertest';
import { MlTestBackend } from './startMlBackend';

/**
 * Sends a request that must be refused: it answers `status` with an error
 * message containing `message`, and changes nothing the backend's snapshot
 * sees.
 */
export async function expectRefusal(
  backend: MlTestBackend,
  send: () => PromiseLike<Response>,
  status: number,
  message: string,
): Promise<void> {
  const before = await backend.snapshot();
  const res = await send();
  expect(res.status).toBe(status);
  expect(res.body.error.message).toContain(message);
  expect(await backend.snapshot()).toEqual(before);
}
