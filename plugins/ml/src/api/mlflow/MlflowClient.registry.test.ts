import { jsonResponse } from '../../__testUtils__/responses';
import { MlflowClient } from './MlflowClient';

const baseUrl = 'http://localhost:7007/api/ml';
const tracking = `${baseUrl}/mlflow/api/2.0/mlflow`;
const runId = '0123456789abcdef0123456789abcdef';

function setup(...responses: Response[]) {
  const fetch = jest.fn<Promise<Response>, [string, RequestInit?]>();
  for (const response of responses) {
    fetch.mockResolvedValueOnce(response);
  }
  const client = new MlflowClient({
    discoveryApi: { getBaseUrl: jest.fn().mockResolvedValue(baseUrl) },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

function request(fetch: ReturnType<typeof setup>['fetch'], index = 0) {
  const [url, init] = fetch.mock.calls[index];
  return {
    url,
    method: init?.method,
    body: init?.body ? JSON.parse(String(init.body)) : undefined,
  };
}

const wireVersion = {
  name: 'churn',
  version: '2',
  creation_timestamp: '1764720000000',
  last_updated_timestamp: 1764730000000,
  current_stage: 'Staging',
  source: `runs:/${runId}/model`,
  run_id: runId,
  status: 'READY',
};

describe('MlflowClient model registry', () => {
  it("searches a project's registered models with a GET and reads their versions", async () => {
    const { client, fetch } = setup(
      jsonResponse({
        registered_models: [
          {
            name: 'churn',
            last_updated_timestamp: '1764730000000',
            latest_versions: [wireVersion],
            tags: [{ key: 'ml.project_id', value: 'p-1' }],
            aliases: [{ alias: 'champion', version: 2 }],
          },
        ],
        next_page_token: 'n',
      }),
    );

    const page = await client.searchRegisteredModels({
      filter: "tags.`ml.project_id` = 'p-1'",
      orderBy: ['name ASC', 'last_updated_timestamp DESC'],
      maxResults: 100,
    });

    expect(page.nextPageToken).toBe('n');
    expect(page.items[0]).toMatchObject({
      name: 'churn',
      last_updated_timestamp: 1764730000000,
      aliases: [{ alias: 'champion', version: '2' }],
    });
    expect(page.items[0].latest_versions[0]).toMatchObject({
      version: '2',
      creation_timestamp: 1764720000000,
      current_stage: 'Staging',
      tags: [],
      aliases: [],
    });
    const url = new URL(request(fetch).url);
    expect(request(fetch).method).toBe('GET');
    expect(url.pathname).toBe(
      '/api/ml/mlflow/api/2.0/mlflow/registered-models/search',
    );
    expect(url.searchParams.get('filter')).toBe("tags.`ml.project_id` = 'p-1'");
    expect(url.searchParams.getAll('order_by')).toEqual([
      'name ASC',
      'last_updated_timestamp DESC',
    ]);
    expect(url.searchParams.get('max_results')).toBe('100');
  });

  it('gets and creates registered models, and sets their tags', async () => {
    const { client, fetch } = setup(
      jsonResponse({ registered_model: { name: 'churn' } }),
      jsonResponse({ registered_model: { name: 'fraud' } }),
      jsonResponse({}),
    );
    await expect(client.getRegisteredModel('churn')).resolves.toEqual({
      name: 'churn',
      creation_timestamp: undefined,
      last_updated_timestamp: undefined,
      latest_versions: [],
      tags: [],
      aliases: [],
    });
    await client.createRegisteredModel({
      name: 'fraud',
      tags: [{ key: 'ml.project_id', value: 'p-1' }],
    });
    await client.setRegisteredModelTag('fraud', 'team', 'risk');

    expect(request(fetch, 0).url).toBe(
      `${tracking}/registered-models/get?name=churn`,
    );
    expect(request(fetch, 1)).toEqual({
      url: `${tracking}/registered-models/create`,
      method: 'POST',
      body: { name: 'fraud', tags: [{ key: 'ml.project_id', value: 'p-1' }] },
    });
    expect(request(fetch, 2)).toEqual({
      url: `${tracking}/registered-models/set-tag`,
      method: 'POST',
      body: { name: 'fraud', key: 'team', value: 'risk' },
    });
  });

  it('searches, gets and creates model versions', async () => {
    const { client, fetch } = setup(
      jsonResponse({ model_versions: [wireVersion] }),
      jsonResponse({ model_version: wireVersion }),
      jsonResponse({ model_version: { ...wireVersion, version: 3 } }),
    );
    const page = await client.searchModelVersions({ filter: "name = 'churn'" });
    const version = await client.getModelVersion('churn', '2');
    const created = await client.createModelVersion({
      name: 'churn',
      source: `runs:/${runId}/model`,
      runId,
    });

    expect(page).toMatchObject({
      items: [{ version: '2' }],
      nextPageToken: undefined,
    });
    expect(version.run_id).toBe(runId);
    expect(created.version).toBe('3');
    expect(request(fetch, 0).url).toBe(
      `${tracking}/model-versions/search?filter=name+%3D+%27churn%27`,
    );
    expect(request(fetch, 1).url).toBe(
      `${tracking}/model-versions/get?name=churn&version=2`,
    );
    expect(request(fetch, 2)).toEqual({
      url: `${tracking}/model-versions/create`,
      method: 'POST',
      body: { name: 'churn', source: `runs:/${runId}/model`, run_id: runId },
    });
  });

  it('updates with PATCH, transitions stages and sets version tags', async () => {
    const { client, fetch } = setup(
      jsonResponse({ model_version: wireVersion }),
      jsonResponse({
        model_version: { ...wireVersion, current_stage: 'Production' },
      }),
      jsonResponse({}),
    );
    await client.updateModelVersion('churn', '2', { description: 'better' });
    const moved = await client.transitionModelVersionStage(
      'churn',
      '2',
      'Production',
      { archiveExistingVersions: true },
    );
    await client.setModelVersionTag('churn', '2', 'validated', 'yes');

    expect(moved.current_stage).toBe('Production');
    expect(request(fetch, 0)).toEqual({
      url: `${tracking}/model-versions/update`,
      method: 'PATCH',
      body: { name: 'churn', version: '2', description: 'better' },
    });
    expect(request(fetch, 1)).toEqual({
      url: `${tracking}/model-versions/transition-stage`,
      method: 'POST',
      body: {
        name: 'churn',
        version: '2',
        stage: 'Production',
        archive_existing_versions: true,
      },
    });
    expect(request(fetch, 2).body).toEqual({
      name: 'churn',
      version: '2',
      key: 'validated',
      value: 'yes',
    });
  });

  it('sets, reads and deletes aliases (DELETE with a JSON body)', async () => {
    const { client, fetch } = setup(
      jsonResponse({}),
      jsonResponse({ model_version: wireVersion }),
      jsonResponse({}),
    );
    await client.setRegisteredModelAlias('churn', 'champion', '2');
    await expect(
      client.getModelVersionByAlias('churn', 'champion'),
    ).resolves.toMatchObject({ version: '2' });
    await client.deleteRegisteredModelAlias('churn', 'champion');

    expect(request(fetch, 0)).toEqual({
      url: `${tracking}/registered-models/alias`,
      method: 'POST',
      body: { name: 'churn', alias: 'champion', version: '2' },
    });
    expect(request(fetch, 1)).toEqual({
      url: `${tracking}/registered-models/alias?name=churn&alias=champion`,
      method: 'GET',
      body: undefined,
    });
    expect(request(fetch, 2)).toEqual({
      url: `${tracking}/registered-models/alias`,
      method: 'DELETE',
      body: { name: 'churn', alias: 'champion' },
    });
  });
});
