import { baseUrl, requestedUrl, setup } from '../__testUtils__/mlClient';
import { jsonResponse } from '../__testUtils__/responses';

const model = `${baseUrl}/projects/p-1/models/m-1`;

describe('ModelMonitoringClient', () => {
  it('reads and replaces the monitoring settings', async () => {
    const settings = { modelId: 'm-1', configured: true, task: 'regression' };
    const { client, fetch } = setup(
      jsonResponse(settings),
      jsonResponse(settings),
    );
    await expect(client.getMonitoringSettings('p-1', 'm-1')).resolves.toEqual(
      settings,
    );
    await client.putMonitoringSettings('p-1', 'm-1', {
      task: 'regression',
      predictionMetric: 'score',
      truthMetric: 'actual',
    });
    expect(fetch.mock.calls[0][0]).toBe(`${model}/monitoring-settings`);
    const [url, init] = fetch.mock.calls[1];
    expect(url).toBe(`${model}/monitoring-settings`);
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({
      task: 'regression',
      predictionMetric: 'score',
      truthMetric: 'actual',
    });
  });

  it('passes the range of quality and drift as query parameters', async () => {
    const { client, fetch } = setup(
      jsonResponse({ windows: [] }),
      jsonResponse({ features: [] }),
    );
    const range = {
      from: '2026-01-12T10:00:00.000Z',
      to: '2026-01-12T11:00:00.000Z',
      stepSeconds: 60,
      deploymentId: 'd-1',
    };
    await client.getModelQuality('p-1', 'm-1', range);
    await client.getModelDrift('p-1', 'm-1', range);
    const query = { ...range, stepSeconds: '60' };
    expect(requestedUrl(fetch, 0)).toEqual({
      path: '/api/ml/projects/p-1/models/m-1/quality',
      query,
    });
    expect(requestedUrl(fetch, 1)).toEqual({
      path: '/api/ml/projects/p-1/models/m-1/drift',
      query,
    });
  });

  it('takes a baseline and answers with its features', async () => {
    const baseline = { feature: 'tenure', type: 'numeric', size: 100 };
    const { client, fetch } = setup(jsonResponse({ items: [baseline] }));
    await expect(
      client.takeDriftBaseline('p-1', 'm-1', { source: 'examples' }),
    ).resolves.toEqual([baseline]);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${model}/drift-baseline`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ source: 'examples' });
  });

  it('lists, creates, updates and deletes monitors', async () => {
    const monitor = { id: 'mon-1', name: 'mae-high' };
    const { client, fetch } = setup(
      jsonResponse({ items: [monitor] }),
      jsonResponse(monitor, 201),
      jsonResponse(monitor),
      new Response(null, { status: 204 }),
    );
    await expect(client.listMonitors('p-1', 'm-1')).resolves.toEqual([monitor]);
    await client.createMonitor('p-1', 'm-1', {
      name: 'mae-high',
      metric: { kind: 'quality', name: 'mae' },
      threshold: 2,
      direction: 'above',
    });
    await client.updateMonitor('p-1', 'm-1', 'mon-1', { threshold: 3 });
    await client.deleteMonitor('p-1', 'm-1', 'mon-1');

    expect(fetch.mock.calls[0][0]).toBe(`${model}/monitors`);
    expect(fetch.mock.calls[1][1]?.method).toBe('POST');
    expect(fetch.mock.calls[2][0]).toBe(`${model}/monitors/mon-1`);
    expect(fetch.mock.calls[2][1]?.method).toBe('PATCH');
    expect(JSON.parse(String(fetch.mock.calls[2][1]?.body))).toEqual({
      threshold: 3,
    });
    expect(fetch.mock.calls[3][0]).toBe(`${model}/monitors/mon-1`);
    expect(fetch.mock.calls[3][1]?.method).toBe('DELETE');
  });

  it('pages through evaluations and events', async () => {
    const { client, fetch } = setup(
      jsonResponse({ items: [], total_size: 0 }),
      jsonResponse({ items: [], total_size: 0 }),
    );
    await client.listMonitorEvaluations('p-1', 'm-1', 'mon-1', {
      pageSize: 20,
      pageToken: 't-2',
    });
    await client.listModelEvents('p-1', 'm-1', { pageSize: 50 });
    expect(requestedUrl(fetch, 0)).toEqual({
      path: '/api/ml/projects/p-1/models/m-1/monitors/mon-1/evaluations',
      query: { page_size: '20', page_token: 't-2' },
    });
    expect(requestedUrl(fetch, 1)).toEqual({
      path: '/api/ml/projects/p-1/models/m-1/events',
      query: { page_size: '50' },
    });
  });

  it('reads, sets and removes the promotion policy', async () => {
    const policy = { modelId: 'm-1', metric: 'rmse', better: 'lower' };
    const { client, fetch } = setup(
      jsonResponse(policy),
      jsonResponse(policy),
      new Response(null, { status: 204 }),
      new Response(null, { status: 204 }),
    );
    await expect(client.getPromotionPolicy('p-1', 'm-1')).resolves.toEqual(
      policy,
    );
    await client.putPromotionPolicy('p-1', 'm-1', {
      metric: 'rmse',
      better: 'lower',
      margin: 0.1,
    });
    await client.deletePromotionPolicy('p-1', 'm-1');
    // Without a policy the server answers 204.
    await expect(
      client.getPromotionPolicy('p-1', 'm-1'),
    ).resolves.toBeUndefined();
    expect(fetch.mock.calls.map(([url, init]) => [url, init?.method])).toEqual([
      [`${model}/promotion-policy`, 'GET'],
      [`${model}/promotion-policy`, 'PUT'],
      [`${model}/promotion-policy`, 'DELETE'],
      [`${model}/promotion-policy`, 'GET'],
    ]);
  });
});
