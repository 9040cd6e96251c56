import { MlClient, MlflowClient, mlApiRef, mlflowApiRef } from './api';
import { mlPlugin } from './plugin';

describe('mlPlugin', () => {
  it('provides an MlClient for mlApiRef', () => {
    const factory = Array.from(mlPlugin.getApis()).find(
      f => f.api.id === mlApiRef.id,
    );
    expect(factory).toBeDefined();
    const client = factory!.factory({
      discoveryApi: { getBaseUrl: jest.fn() },
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(MlClient);
  });

  it('provides an MlflowClient for mlflowApiRef', () => {
    const factory = Array.from(mlPlugin.getApis()).find(
      f => f.api.id === mlflowApiRef.id,
    );
    expect(factory).toBeDefined();
    const client = factory!.factory({
      discoveryApi: { getBaseUrl: jest.fn() },
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(MlflowClient);
  });
});
