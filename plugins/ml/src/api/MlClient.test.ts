import { ResponseError } from '@backstage/errors';
import { baseUrl, requestedUrl, setup } from '../__testUtils__/mlClient';
import { errorResponse, jsonResponse } from '../__testUtils__/responses';

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
      errorResponse(400, 'InputError', 'cpu: must be more than 0'),
    );

    const error = await client
      .createProfile('demo', { name: 'small', cpu: 0, memoryMiB: 1024 })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause.message).toBe('cpu: must be more than 0');
  });

  describe('the workload engine', () => {
    function streamingResponse(contentType: string, ...chunks: string[]) {
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          chunks.forEach(c => controller.enqueue(encoder.encode(c)));
          controller.close();
        },
      });
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': contentType },
      });
    }

    it('streams console output as it arrives', async () => {
      const { client, fetch } = setup(
        streamingResponse(
          'application/x-ndjson',
          '{"stream":"stdout","text":"1\\n"}\n{"stream":"std',
          'err","text":"warn\\n"}\n',
          '{"done":true,"error":null}\n',
        ),
      );
      const events = [];
      for await (const event of client.executeSession('p-1', 's-1', '1')) {
        events.push(event);
      }
      expect(events).toEqual([
        { stream: 'stdout', text: '1\n' },
        { stream: 'stderr', text: 'warn\n' },
        { done: true, error: null },
      ]);
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(`${baseUrl}/projects/p-1/sessions/s-1/execute`);
      expect(init?.method).toBe('POST');
      expect(JSON.parse(String(init?.body))).toEqual({ code: '1' });
    });

    it('refuses to run code in a session that is not running', async () => {
      const { client } = setup(
        errorResponse(409, 'ConflictError', 'Session is queued'),
      );
      const iterator = client
        .executeSession('p-1', 's-1', 'x')
        [Symbol.asyncIterator]();
      const error = await iterator.next().catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(409);
    });

    it('follows logs over server-sent events until the end event', async () => {
      const { client, fetch } = setup(
        streamingResponse(
          'text/event-stream',
          'data: "epoch 1"\n\ndata: "loss: 0.3"\n',
          '\nevent: end\ndata: {}\n\ndata: "never"\n\n',
        ),
      );
      const lines = [];
      for await (const line of client.followWorkloadLogs('w-1', {
        attempt: 2,
      })) {
        lines.push(line);
      }
      expect(lines).toEqual(['epoch 1', 'loss: 0.3']);
      expect(fetch.mock.calls[0][0]).toBe(
        `${baseUrl}/workloads/w-1/logs?follow=true&attempt=2`,
      );
    });

    it('says so when the log stream ends without its end event', async () => {
      const { client } = setup(
        streamingResponse('text/event-stream', 'data: "epoch 1"\n\n'),
      );
      const lines: string[] = [];
      const error = await (async () => {
        for await (const line of client.followWorkloadLogs('w-1')) {
          lines.push(line);
        }
      })().catch(e => e);
      expect(lines).toEqual(['epoch 1']);
      expect(error.message).toBe('The log stream was cut off');
    });

    it('asks for the next runs of a cron schedule', async () => {
      const { client, fetch } = setup(
        jsonResponse({ nextRuns: ['2026-01-13T03:00:00.000Z'] }),
      );
      await expect(
        client.getCronNextRuns('0 3 * * *', 'Europe/Berlin', 3),
      ).resolves.toEqual(['2026-01-13T03:00:00.000Z']);
      expect(requestedUrl(fetch)).toEqual({
        path: '/api/ml/cron/next',
        query: {
          schedule: '0 3 * * *',
          timezone: 'Europe/Berlin',
          count: '3',
        },
      });
    });
  });
});
