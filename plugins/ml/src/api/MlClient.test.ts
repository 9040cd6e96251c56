import { ResponseError } from '@backstage/errors';
import { MlClient } from './MlClient';

const baseUrl = 'http://localhost:7007/api/ml';

function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function setup(...responses: Response[]) {
  const fetch = jest.fn<Promise<Response>, [string, RequestInit?]>();
  for (const response of responses) {
    fetch.mockResolvedValueOnce(response);
  }
  const client = new MlClient({
    discoveryApi: { getBaseUrl: jest.fn().mockResolvedValue(baseUrl) },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('MlClient', () => {
  it('passes list options as query parameters and skips empty ones', async () => {
    const page = { items: [], total_size: 0 };
    const { client, fetch } = setup(jsonResponse(page));

    await expect(
      client.listProjects({
        workspace: 'demo',
        filter: 'churn model',
        sort: '-updated_at',
        pageSize: 20,
      }),
    ).resolves.toEqual(page);

    const [url, init] = fetch.mock.calls[0];
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/api/ml/projects');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      workspace: 'demo',
      filter: 'churn model',
      sort: '-updated_at',
      page_size: '20',
    });
    expect(init?.method).toBe('GET');
  });

  it('asks for every runtime version only when told to', async () => {
    const { client, fetch } = setup(
      jsonResponse({ items: [], total_size: 0 }),
      jsonResponse({ items: [], total_size: 0 }),
    );
    await client.listRuntimes();
    await client.listRuntimes({ all: true });
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/runtimes`);
    expect(fetch.mock.calls[1][0]).toBe(`${baseUrl}/runtimes?all=true`);
  });

  it('sends JSON bodies and encodes path segments', async () => {
    const { client, fetch } = setup(new Response(null, { status: 204 }));

    await client.setCollaborator('p-1', 'user:default/jane', 'contributor');

    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(
      `${baseUrl}/projects/p-1/collaborators/user%3Adefault%2Fjane`,
    );
    expect(init?.method).toBe('PUT');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({ role: 'contributor' });
  });

  it('uploads file content as raw bytes', async () => {
    const entry = { path: 'src/main.py', name: 'main.py', type: 'file' };
    const { client, fetch } = setup(jsonResponse(entry));

    await expect(
      client.writeFile('p-1', 'src/main.py', 'print(1)\n'),
    ).resolves.toEqual(entry);

    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(
      `${baseUrl}/projects/p-1/files/content?path=src%2Fmain.py`,
    );
    expect(init?.method).toBe('PUT');
    expect(init?.headers).toEqual({
      'Content-Type': 'application/octet-stream',
    });
    expect(init?.body).toBe('print(1)\n');
  });

  it('reads file content as text', async () => {
    const { client } = setup(new Response('a,b\n1,2\n', { status: 200 }));
    await expect(client.readFile('p-1', 'data.csv')).resolves.toBe(
      'a,b\n1,2\n',
    );
  });

  it('unwraps item lists', async () => {
    const collaborator = { subject: 'user:default/jane', role: 'viewer' };
    const { client, fetch } = setup(jsonResponse({ items: [collaborator] }));
    await expect(client.listCollaborators('p-1')).resolves.toEqual([
      collaborator,
    ]);
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/projects/p-1/collaborators`,
    );
  });

  it('lists the file tree recursively', async () => {
    const { client, fetch } = setup(jsonResponse({ items: [] }));
    await client.listFiles('p-1', { recursive: true });
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/projects/p-1/files?recursive=true`,
    );
  });

  it('turns error responses into ResponseErrors carrying the server message', async () => {
    const { client } = setup(
      jsonResponse(
        {
          error: { name: 'InputError', message: 'cpu: must be more than 0' },
          response: { statusCode: 400 },
        },
        400,
      ),
    );

    const error = await client
      .createProfile('demo', { name: 'small', cpu: 0, memoryMiB: 1024 })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause.message).toBe('cpu: must be more than 0');
  });
});
