import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  ComputeDriver,
  mlComputeDriverExtensionPoint,
} from '@ml-platform/plugin-ml-node';
import { mlModuleKubernetes } from './module';

jest.setTimeout(30_000);

async function driversWith(config: object) {
  const added: ComputeDriver[] = [];
  const backend = await startTestBackend({
    extensionPoints: [
      [
        mlComputeDriverExtensionPoint,
        { addDriver: (d: ComputeDriver) => added.push(d) },
      ],
    ],
    features: [
      mlModuleKubernetes,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return { added, backend };
}

describe('mlModuleKubernetes', () => {
  it('adds no driver without ml.kubernetes', async () => {
    const { added, backend } = await driversWith({});
    expect(added).toEqual([]);
    await backend.stop();
  });

  it('adds the kubernetes driver; an unreachable cluster does not stop start-up', async () => {
    const { added, backend } = await driversWith({
      ml: {
        kubernetes: {
          backendUrl: 'http://ml.example:7007',
          workspaces: {
            k8s: {
              cluster: { url: 'https://127.0.0.1:1', serviceAccountToken: 't' },
              requestTimeoutMs: 200,
            },
          },
        },
      },
    });
    expect(added.map(d => d.name)).toEqual(['kubernetes']);
    expect(await added[0].status!('k8s')).toMatchObject({ available: false });
    await backend.stop();
  });
});
