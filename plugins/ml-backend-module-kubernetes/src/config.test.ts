import { ConfigReader } from '@backstage/config';
import { readKubernetesConfig } from './config';

describe('readKubernetesConfig', () => {
  it('is undefined without ml.kubernetes (the module then adds nothing)', () => {
    expect(readKubernetesConfig(new ConfigReader({ ml: {} }))).toBeUndefined();
  });

  it('reads one cluster per workspace with defaults', () => {
    const [ws] = readKubernetesConfig(
      new ConfigReader({
        ml: {
          kubernetes: {
            backendUrl: 'http://ml.example:7007/',
            workspaces: {
              gpu: {
                cluster: { url: 'https://10.0.0.1:6443', serviceAccountToken: 't', caData: 'Y2E=' },
                images: { 'python-3.12': 'registry/python:3.12' },
              },
            },
          },
        },
      }),
    )!;
    expect(ws).toMatchObject({
      workspace: 'gpu', url: 'https://10.0.0.1:6443', namespacePrefix: 'ml-', skipTLSVerify: false,
      images: { 'python-3.12': 'registry/python:3.12' }, backendUrl: 'http://ml.example:7007',
      requestTimeoutMs: 10_000, resyncSeconds: 30, imagePullSecrets: [],
    });
  });

  it('refuses a cluster without an address or a backend URL', () => {
    const read = (ws: object, root: object = {}) =>
      () => readKubernetesConfig(new ConfigReader({ ml: { kubernetes: { ...root, workspaces: { w: ws } } } }));
    expect(read({ cluster: {} }, { backendUrl: 'http://x' })).toThrow(/set url/);
    expect(read({ cluster: { url: 'https://k' } })).toThrow(/backendUrl/);
  });
});
