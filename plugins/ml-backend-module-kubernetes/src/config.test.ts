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
                cluster: {
                  url: 'https://10.0.0.1:6443',
                  serviceAccountToken: 't',
                  caData: 'Y2E=',
                },
                images: { 'python-3.12': 'registry/python:3.12' },
              },
            },
          },
        },
      }),
    )!;
    expect(ws).toMatchObject({
      workspace: 'gpu',
      url: 'https://10.0.0.1:6443',
      namespacePrefix: 'ml-',
      skipTLSVerify: false,
      images: { 'python-3.12': 'registry/python:3.12' },
      backendUrl: 'http://ml.example:7007',
      requestTimeoutMs: 10_000,
      resyncSeconds: 30,
      imagePullSecrets: [],
    });
  });

  it('refuses a cluster without an address or a backend URL', () => {
    const read =
      (ws: object, root: object = {}) =>
      () =>
        readKubernetesConfig(
          new ConfigReader({
            ml: { kubernetes: { ...root, workspaces: { w: ws } } },
          }),
        );
    expect(read({ cluster: {} }, { backendUrl: 'http://x' })).toThrow(
      /set url/,
    );
    expect(read({ cluster: { url: 'https://k' } })).toThrow(/backendUrl/);
  });

  describe('pod identity and network policy', () => {
    const read = (ws: object) =>
      readKubernetesConfig(
        new ConfigReader({
          ml: {
            kubernetes: {
              backendUrl: 'http://x',
              workspaces: { w: { cluster: { url: 'https://k' }, ...ws } },
            },
          },
        }),
      )![0];

    it('defaults to uid 1000 and a NetworkPolicy that admits nothing', () => {
      expect(read({})).toMatchObject({
        podIdentity: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
        networkPolicy: { cidrs: [] },
      });
    });

    it('reads the security context and where the backend runs', () => {
      const ws = read({
        securityContext: { runAsUser: 5000, runAsGroup: 5001, fsGroup: 5002 },
        networkPolicy: {
          backend: {
            namespaceLabels: { 'kubernetes.io/metadata.name': 'backstage' },
            podLabels: { 'app.kubernetes.io/name': 'backstage' },
            cidrs: ['10.0.0.5/32'],
          },
        },
      });
      expect(ws.podIdentity).toEqual({
        runAsUser: 5000,
        runAsGroup: 5001,
        fsGroup: 5002,
      });
      expect(ws.networkPolicy).toEqual({
        namespaceLabels: { 'kubernetes.io/metadata.name': 'backstage' },
        podLabels: { 'app.kubernetes.io/name': 'backstage' },
        cidrs: ['10.0.0.5/32'],
      });
      expect(
        read({ networkPolicy: { enabled: false } }).networkPolicy,
      ).toBeUndefined();
    });

    it('refuses root, a CIDR that is none and labels that are no strings', () => {
      expect(() => read({ securityContext: { runAsUser: 0 } })).toThrow(
        /runAsUser: a whole number of at least 1/,
      );
      expect(() =>
        read({ networkPolicy: { backend: { cidrs: ['backstage'] } } }),
      ).toThrow(/not a CIDR/);
      expect(() =>
        read({ networkPolicy: { backend: { podLabels: { app: 1 } } } }),
      ).toThrow(/map of label to value/);
    });
  });
});
