import { FakeMlBackend } from './FakeMlBackend';

/**
 * One fake ML backend on a loopback port for the enclosing `describe`:
 * started before its tests, stopped after them and reset before each, so a
 * test's own `beforeEach` seeds an empty one. `baseUrl()` is its URL once
 * started.
 */
export function fakeMlBackendPerSuite() {
  const ml = new FakeMlBackend();
  let url: string | undefined;
  beforeAll(async () => {
    url = await ml.start();
  });
  afterAll(() => ml.stop());
  beforeEach(() => ml.reset());
  const baseUrl = () => {
    if (!url) throw new Error('The fake ML backend has not started yet');
    return url;
  };
  return { ml, baseUrl };
}
