import { ResponseError } from '@backstage/errors';
import { baseUrl, requestedUrl, setup } from '../__testUtils__/mlClient';
import { errorResponse, jsonResponse } from '../__testUtils__/responses';

describe('MlModelsClient', () => {
  it('lists models and builds as plain arrays', async () => {
    const { client, fetch } = setup(
      jsonResponse({ items: [{ id: 'm-1' }] }),
      jsonResponse({ items: [{ id: 'b-1' }], total_size: 1 }),
    );
    await expect(client.listModels('p/1')).resolves.toEqual([{ id: 'm-1' }]);
    await expect(client.listBuilds('p-1', 'm-1')).resolves.toEqual([
      { id: 'b-1' },
    ]);
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/projects/p%2F1/models`);
    expect(fetch.mock.calls[1][0]).toBe(
      `${baseUrl}/projects/p-1/models/m-1/builds`,
    );
  });

  it('changes the replica count with PATCH and stops with POST', async () => {
    const { client, fetch } = setup(
      jsonResponse({ id: 'd-1', replicas: 3 }),
      jsonResponse({ id: 'd-1', state: 'stopped' }),
    );
    await client.scaleDeployment('p-1', 'm-1', 'd-1', 3);
    await client.stopDeployment('p-1', 'm-1', 'd-1');

    const [scaleUrl, scaleInit] = fetch.mock.calls[0];
    expect(scaleUrl).toBe(`${baseUrl}/projects/p-1/models/m-1/deployments/d-1`);
    expect(scaleInit?.method).toBe('PATCH');
    expect(JSON.parse(String(scaleInit?.body))).toEqual({ replicas: 3 });
    const [stopUrl, stopInit] = fetch.mock.calls[1];
    expect(stopUrl).toBe(
      `${baseUrl}/projects/p-1/models/m-1/deployments/d-1/stop`,
    );
    expect(stopInit?.method).toBe('POST');
  });

  it('sends the request itself as the predict body', async () => {
    const answer = {
      success: true,
      response: { churn: 0.2 },
      uuid: 'u-1',
      replica: 0,
      timing: { modelMs: 1, totalMs: 2 },
    };
    const { client, fetch } = setup(jsonResponse(answer));

    await expect(client.predict('p-1', 'm-1', { tenure: 3 })).resolves.toEqual(
      answer,
    );
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/projects/p-1/models/m-1/predict`);
    expect(JSON.parse(String(init?.body))).toEqual({ tenure: 3 });
  });

  it("returns a model function's exception as the answer", async () => {
    const failed = {
      success: false,
      error: { name: 'ValueError', message: 'tenure must be positive' },
      uuid: 'u-2',
      replica: 1,
      timing: { modelMs: 1, totalMs: 2 },
    };
    const { client } = setup(jsonResponse(failed, 500));
    await expect(client.predict('p-1', 'm-1', {})).resolves.toEqual(failed);
  });

  it('rejects when the platform refuses the request', async () => {
    const { client } = setup(
      errorResponse(429, 'TooManyRequests', 'model.busy'),
    );
    const error = await client.predict('p-1', 'm-1', {}).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(429);
    expect(error.body.error.message).toBe('model.busy');
  });

  it('passes the metrics range as query parameters', async () => {
    const { client, fetch } = setup(jsonResponse({ buckets: [], usage: [] }));
    await client.getModelMetrics('p-1', 'm-1', {
      from: '2026-01-12T10:00:00.000Z',
      to: '2026-01-12T11:00:00.000Z',
      stepSeconds: 60,
    });
    expect(requestedUrl(fetch)).toEqual({
      path: '/api/ml/projects/p-1/models/m-1/metrics',
      query: {
        from: '2026-01-12T10:00:00.000Z',
        to: '2026-01-12T11:00:00.000Z',
        stepSeconds: '60',
      },
    });
  });

  it('creates an access key by name and revokes it by id', async () => {
    const { client, fetch } = setup(
      jsonResponse({ id: 'k-1', key: 'mk_secret' }, 201),
      new Response(null, { status: 204 }),
    );
    await expect(client.createAccessKey('p-1', 'm-1', 'crm')).resolves.toEqual({
      id: 'k-1',
      key: 'mk_secret',
    });
    await client.revokeAccessKey('p-1', 'm-1', 'k-1');
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({
      name: 'crm',
    });
    expect(fetch.mock.calls[1][0]).toBe(
      `${baseUrl}/projects/p-1/models/m-1/keys/k-1`,
    );
    expect(fetch.mock.calls[1][1]?.method).toBe('DELETE');
  });

  it("reads a model's lineage", async () => {
    const lineage = {
      modelId: 'm-1',
      entityRef: 'model:demo/churn.predictor',
      nodes: [
        { id: 'modelVersion:churn/2', kind: 'modelVersion', label: 'churn v2' },
      ],
      edges: [],
    };
    const { client, fetch } = setup(jsonResponse(lineage));
    await expect(client.getModelLineage('p-1', 'm-1')).resolves.toEqual(
      lineage,
    );
    expect(requestedUrl(fetch).path).toBe(
      '/api/ml/projects/p-1/models/m-1/lineage',
    );
  });
});
