import { ResponseError } from '@backstage/errors';
import { jsonResponse } from '../../__testUtils__/responses';
import { MlflowClient } from './MlflowClient';

const baseUrl = 'http://localhost:7007/api/ml';
const tracking = `${baseUrl}/mlflow/api/2.0/mlflow`;
const artifactUri =
  'mlflow-artifacts:/7/0123456789abcdef0123456789abcdef/artifacts';

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

function bodyOf(fetch: ReturnType<typeof setup>['fetch'], index = 0) {
  return JSON.parse(String(fetch.mock.calls[index][1]?.body));
}

describe('MlflowClient', () => {
  it("searches a project's experiments and reads int64 strings as numbers", async () => {
    const { client, fetch } = setup(
      jsonResponse({
        experiments: [
          {
            experiment_id: '7',
            name: 'churn',
            last_update_time: '1764720000000',
            creation_time: 1764710000000,
            tags: [{ key: 'ml.project_id', value: 'p-1' }],
          },
        ],
        next_page_token: 'next',
      }),
    );

    const page = await client.searchExperiments({
      filter: "tags.`ml.project_id` = 'p-1'",
      maxResults: 50,
    });

    expect(page.nextPageToken).toBe('next');
    expect(page.items[0]).toMatchObject({
      experiment_id: '7',
      last_update_time: 1764720000000,
      creation_time: 1764710000000,
    });
    expect(fetch.mock.calls[0][0]).toBe(`${tracking}/experiments/search`);
    expect(fetch.mock.calls[0][1]?.method).toBe('POST');
    expect(bodyOf(fetch)).toEqual({
      filter: "tags.`ml.project_id` = 'p-1'",
      max_results: 50,
    });
  });

  it('creates an experiment with its tags and answers with its id', async () => {
    const { client, fetch } = setup(jsonResponse({ experiment_id: '8' }));
    await expect(
      client.createExperiment({
        name: 'tuning',
        tags: [{ key: 'ml.project_id', value: 'p-1' }],
      }),
    ).resolves.toBe('8');
    expect(fetch.mock.calls[0][0]).toBe(`${tracking}/experiments/create`);
    expect(bodyOf(fetch)).toEqual({
      name: 'tuning',
      tags: [{ key: 'ml.project_id', value: 'p-1' }],
    });
  });

  it('gets an experiment and a run by id in the query', async () => {
    const { client, fetch } = setup(
      jsonResponse({ experiment: { experiment_id: '7', name: 'churn' } }),
      jsonResponse({
        run: {
          info: {
            run_uuid: 'abc',
            experiment_id: '7',
            status: 'FINISHED',
            start_time: '100',
            end_time: '250',
          },
          data: {
            metrics: [{ key: 'rmse', value: 'NaN', timestamp: '5', step: '2' }],
          },
        },
      }),
    );
    await expect(client.getExperiment('7')).resolves.toMatchObject({
      name: 'churn',
      tags: [],
    });
    const run = await client.getRun('abc');

    expect(fetch.mock.calls[0][0]).toBe(
      `${tracking}/experiments/get?experiment_id=7`,
    );
    expect(fetch.mock.calls[1][0]).toBe(`${tracking}/runs/get?run_id=abc`);
    expect(run.info).toMatchObject({
      run_id: 'abc',
      start_time: 100,
      end_time: 250,
    });
    expect(run.data.metrics[0]).toEqual({
      key: 'rmse',
      value: NaN,
      timestamp: 5,
      step: 2,
    });
    expect(run.data.params).toEqual([]);
    expect(run.inputs.dataset_inputs).toEqual([]);
  });

  it('searches runs with the filter, order and page token', async () => {
    const { client, fetch } = setup(jsonResponse({}));
    await expect(
      client.searchRuns({
        experimentIds: ['7'],
        filter: 'metrics.rmse < 1',
        orderBy: ['metrics.rmse ASC'],
        maxResults: 25,
        pageToken: 't-2',
        runViewType: 'ACTIVE_ONLY',
      }),
    ).resolves.toEqual({ items: [], nextPageToken: undefined });
    expect(fetch.mock.calls[0][0]).toBe(`${tracking}/runs/search`);
    expect(bodyOf(fetch)).toEqual({
      experiment_ids: ['7'],
      filter: 'metrics.rmse < 1',
      order_by: ['metrics.rmse ASC'],
      max_results: 25,
      page_token: 't-2',
      run_view_type: 'ACTIVE_ONLY',
    });
  });

  it("pages through a metric's whole history", async () => {
    const { client, fetch } = setup(
      jsonResponse({
        metrics: [{ key: 'loss', value: 1, timestamp: 1, step: 0 }],
        next_page_token: 'p2',
      }),
      jsonResponse({
        metrics: [{ key: 'loss', value: 0.5, timestamp: 2, step: '1' }],
      }),
    );
    const history = await client.getMetricHistory('abc', 'loss');

    expect(history.map(m => [m.step, m.value])).toEqual([
      [0, 1],
      [1, 0.5],
    ]);
    const second = new URL(fetch.mock.calls[1][0]);
    expect(second.pathname).toBe(
      '/api/ml/mlflow/api/2.0/mlflow/metrics/get-history',
    );
    expect(Object.fromEntries(second.searchParams)).toMatchObject({
      run_id: 'abc',
      metric_key: 'loss',
      page_token: 'p2',
    });
  });

  it('lists an artifact directory', async () => {
    const { client, fetch } = setup(
      jsonResponse({
        root_uri: artifactUri,
        files: [
          { path: 'model', is_dir: true },
          { path: 'notes.txt', is_dir: false, file_size: '12' },
        ],
      }),
    );
    await expect(client.listArtifacts('abc', 'sub dir')).resolves.toEqual({
      rootUri: artifactUri,
      files: [
        { path: 'model', is_dir: true, file_size: undefined },
        { path: 'notes.txt', is_dir: false, file_size: 12 },
      ],
    });
    expect(fetch.mock.calls[0][0]).toBe(
      `${tracking}/artifacts/list?run_id=abc&path=sub+dir`,
    );
  });

  it("downloads an artifact through fetchApi, below the run's artifact root", async () => {
    const { client, fetch } = setup(new Response('hello'));
    const expected = `${baseUrl}/mlflow/api/2.0/mlflow-artifacts/artifacts/7/0123456789abcdef0123456789abcdef/artifacts/plots/a%20b.png`;

    await expect(
      client.artifactUrl(artifactUri, 'plots/a b.png'),
    ).resolves.toBe(expected);
    const blob = await client.downloadArtifact(artifactUri, 'plots/a b.png');

    expect(await blob.text()).toBe('hello');
    expect(fetch.mock.calls[0][0]).toBe(expected);
  });

  it('deletes and restores runs', async () => {
    const { client, fetch } = setup(jsonResponse({}), jsonResponse({}));
    await client.deleteRun('abc');
    await client.restoreRun('abc');
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      `${tracking}/runs/delete`,
      `${tracking}/runs/restore`,
    ]);
    expect(bodyOf(fetch, 1)).toEqual({ run_id: 'abc' });
  });

  it("fails with a ResponseError whose message is MLflow's", async () => {
    const { client } = setup(
      jsonResponse(
        {
          error_code: 'INVALID_PARAMETER_VALUE',
          message: "Invalid filter 'metrics.rmse <'",
        },
        400,
      ),
    );
    const error = await client
      .searchRuns({ experimentIds: ['7'], filter: 'metrics.rmse <' })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.message).toBe("Invalid filter 'metrics.rmse <'");
    expect(error.statusCode).toBe(400);
    expect(error.cause.name).toBe('INVALID_PARAMETER_VALUE');
    expect(error.body.error.message).toBe("Invalid filter 'metrics.rmse <'");
  });

  it("keeps Backstage's errors from before the tracking server", async () => {
    const { client } = setup(
      jsonResponse(
        {
          error: { name: 'NotAllowedError', message: 'Not your project' },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    const error = await client.getRun('abc').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.cause.message).toBe('Not your project');
  });
});
