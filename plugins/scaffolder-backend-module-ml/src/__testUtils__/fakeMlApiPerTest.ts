import { FakeMlApi } from './FakeMlApi';

/**
 * Starts a fresh fake ML API before each test of the enclosing `describe`
 * and stops it after; the returned function gives the current one.
 */
export function fakeMlApiPerTest(): () => FakeMlApi {
  let api: FakeMlApi | undefined;
  beforeEach(async () => {
    api = await FakeMlApi.start();
  });
  afterEach(async () => {
    await api?.stop();
    api = undefined;
  });
  return () => {
    if (!api) throw new Error('The fake ML API runs only inside a test');
    return api;
  };
}
