import { mockCredentials } from '@backstage/backend-test-utils';
import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import { INITIATOR } from '../__testUtils__/actionContext';
import { MlflowApi } from './MlflowApi';
import { MlflowApiError } from './MlflowApiError';

describe('MlflowApi', () => {
  const api = fakeMlApiPerTest();
  const credentials = mockCredentials.user(INITIATOR);
  const mlflow = () => new MlflowApi({ ml: api().client(), auth: api().auth });

  it('sends a GET message as the query and a POST one as JSON, as the user', async () => {
    api().mlflow.addModel('m', 'p');
    await mlflow().call(
      'GET',
      'registered-models/get',
      { name: 'm' },
      credentials,
    );
    await mlflow().call(
      'POST',
      'runs/search',
      { experiment_ids: ['1'], max_results: 1 },
      credentials,
    );
    const [get, post] = api().requests;
    expect(get).toMatchObject({
      method: 'GET',
      path: '/mlflow/api/2.0/mlflow/registered-models/get',
      query: { name: 'm' },
      onBehalfOf: INITIATOR,
    });
    expect(post).toMatchObject({
      method: 'POST',
      body: { experiment_ids: ['1'], max_results: 1 },
      onBehalfOf: INITIATOR,
    });
  });

  it("turns MLflow's {error_code, message} into an error with the code", async () => {
    const refused = mlflow().call(
      'GET',
      'registered-models/get',
      { name: 'nope' },
      credentials,
    );
    await expect(refused).rejects.toThrow(
      'MLflow API GET registered-models/get failed (404 RESOURCE_DOES_NOT_EXIST): Registered Model with name=nope not found',
    );
    await expect(refused).rejects.toMatchObject({
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      statusCode: 404,
    });
    await expect(refused).rejects.toBeInstanceOf(MlflowApiError);
  });

  it('reports an answer that is not MLflow’s error as UNKNOWN, with its text', async () => {
    api().refuseNext('POST', /runs\/search$/, 400, 'bad gateway thing');
    await expect(
      mlflow().call('POST', 'runs/search', {}, credentials),
    ).rejects.toMatchObject({
      errorCode: 'UNKNOWN',
      message: expect.stringContaining('bad gateway thing'),
    });
  });
});
