import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { DefaultMlService } from './DefaultMlService';
import { isMlResponseError } from './MlResponseError';

describe('DefaultMlService', () => {
  const credentials: BackstageCredentials = {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: 'user:default/ada' },
  };
  const calls: { url: string; init: RequestInit }[] = [];
  let answer: () => Response;
  const service = new DefaultMlService({
    discovery: {
      getBaseUrl: async () => 'http://ml.test/api/ml',
      getExternalBaseUrl: async () => 'https://portal.test/api/ml',
    },
    auth: {
      getPluginRequestToken: async ({ onBehalfOf, targetPluginId }) => ({
        token: `token-for-${
          (onBehalfOf as BackstageCredentials<BackstageUserPrincipal>).principal
            .userEntityRef
        }-to-${targetPluginId}`,
      }),
    },
    fetch: async (input, init) => {
      calls.push({ url: String(input), init: init ?? {} });
      return answer();
    },
  });

  beforeEach(() => {
    calls.length = 0;
    answer = () => Response.json({ items: [], total_size: 0 });
  });

  it('lists with the filters first, then the paging, as the caller', async () => {
    await service.listRuntimes(
      { all: true, pageSize: 500, pageToken: '2' },
      { credentials },
    );
    expect(calls[0].url).toBe(
      'http://ml.test/api/ml/runtimes?all=true&page_size=500&page_token=2',
    );
    expect(calls[0].init.headers).toMatchObject({
      Authorization: 'Bearer token-for-user:default/ada-to-ml',
    });
  });

  it('encodes ids and sends JSON or bytes', async () => {
    answer = () => Response.json({ id: 'x' });
    await service.createJob('a/b', { name: 'train' }, { credentials });
    await service.writeFile('p', 'dir/a b.py', Buffer.from('print(1)'), {
      credentials,
    });
    expect(calls.map(c => [c.init.method, c.url])).toEqual([
      ['POST', 'http://ml.test/api/ml/projects/a%2Fb/jobs'],
      [
        'PUT',
        'http://ml.test/api/ml/projects/p/files/content?path=dir%2Fa%20b.py',
      ],
    ]);
    expect(calls[0].init.body).toBe('{"name":"train"}');
    expect(calls[1].init.headers).toMatchObject({
      'Content-Type': 'application/octet-stream',
    });
  });

  it('keeps the status and the ML backend error of a refused call', async () => {
    answer = () =>
      Response.json(
        {
          error: { name: 'ConflictError', message: 'model "price" exists' },
          request: { method: 'POST', url: '/models' },
          response: { statusCode: 409 },
        },
        { status: 409 },
      );
    const error = await service
      .createModel('p', { name: 'price' }, { credentials })
      .then(
        () => new Error('the call succeeded'),
        (e: Error) => e,
      );
    expect(isMlResponseError(error, 409)).toBe(true);
    expect(isMlResponseError(error, 404)).toBe(false);
    expect(error.name).toBe('ConflictError');
    expect(error.message).toMatch(
      /^The ML API refused POST \/projects\/p\/models \(409\); caused by ConflictError: model "price" exists/,
    );
  });

  it('says which backend it could not reach', async () => {
    answer = () => {
      throw new TypeError('fetch failed');
    };
    await expect(service.getProject('p', { credentials })).rejects.toThrow(
      /^Could not reach the ML backend at http:\/\/ml\.test/,
    );
  });
});
