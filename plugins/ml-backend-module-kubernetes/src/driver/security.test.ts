import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { specFor, startHarness, NS } from '../__testUtils__/driverHarness';
import { validateAs } from '../__testUtils__/validateAs';
import { waitFor } from '../__testUtils__/waitFor';
import { PodExec } from './Cluster';

jest.setTimeout(30_000);

type Harness = Awaited<ReturnType<typeof startHarness>>;

const POLICIES = `/apis/networking.k8s.io/v1/namespaces/${NS}/networkpolicies`;
const sdkPath = path.resolve(__dirname, '../../../../sdk/python');

describe('KubernetesDriver: pod security and network isolation', () => {
  let h: Harness;
  afterEach(() => h?.stop());

  it('makes the namespace NetworkPolicy with the namespace, once, labelled like it, admitting only the backend', async () => {
    h = await startHarness();
    await h.driver.start(specFor('job'));
    await h.driver.start(specFor('session'));
    const policies = h.server.list('networkpolicies', NS);
    expect(policies).toHaveLength(1);
    const [policy] = policies;
    validateAs(NetworkPolicy, policy);
    expect(policy.metadata!.name).toBe('ml-platform-ingress');
    expect(policy.metadata!.labels).toEqual(
      h.server.get('namespaces', undefined, NS)!.metadata!.labels,
    );
    expect(policy.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'backstage' },
              },
              podSelector: { matchLabels: { app: 'backstage' } },
            },
            { ipBlock: { cidr: '10.0.0.5/32' } },
          ],
        },
      ],
    });
    // The second start found it ("already exists") and left it alone.
    expect(
      h.server.requests.filter(r => r === `POST ${POLICIES}`),
    ).toHaveLength(2);
    expect(h.server.requests.filter(r => r.startsWith('PUT '))).toEqual([]);
  });

  it('rewrites the NetworkPolicy when the configured backend changes, and makes none when switched off', async () => {
    h = await startHarness({ networkPolicy: { cidrs: [] } });
    await h.driver.start(specFor('job'));
    // No backend configured: no ingress at all.
    expect(
      h.server.get('networkpolicies', NS, 'ml-platform-ingress')!.spec!.ingress,
    ).toEqual([]);
    await h.stop();

    const server = h.server;
    h = await startHarness({ networkPolicy: { cidrs: ['192.168.1.0/24'] } });
    // Same namespace, new cluster state: put the old policy there.
    h.server.put('namespaces', server.get('namespaces', undefined, NS)!);
    h.server.put(
      'networkpolicies',
      server.get('networkpolicies', NS, 'ml-platform-ingress')!,
    );
    await h.driver.start(specFor('job'));
    expect(
      h.server.get('networkpolicies', NS, 'ml-platform-ingress')!.spec!.ingress,
    ).toEqual([{ from: [{ ipBlock: { cidr: '192.168.1.0/24' } }] }]);
    await h.stop();

    h = await startHarness({ networkPolicy: undefined });
    await h.driver.start(specFor('job'));
    expect(h.server.list('networkpolicies')).toEqual([]);
  });

  it('runs pods that Pod Security "restricted" admits, which a plain pod is not', async () => {
    h = await startHarness();
    await h.driver.start(specFor('job'));
    const plain = await fetch(`${h.server.url}/api/v1/namespaces/${NS}/pods`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'plain' },
        spec: { containers: [{ name: 'main', image: 'python:3.12-slim' }] },
      }),
    });
    expect(plain.status).toBe(403);
    expect((await plain.json()).message).toMatch(
      /violates PodSecurity "restricted:latest": automountServiceAccountToken != false, runAsNonRoot != true \(container "main"\), allowPrivilegeEscalation != false/,
    );
    const kinds = ['session', 'model', 'application', 'build'] as const;
    for (const [i, kind] of kinds.entries()) {
      const workloadId = `c0000000-0000-4000-8000-00000000000${i}`;
      await expect(
        h.driver.start(specFor(kind, { workloadId })),
      ).resolves.toBeUndefined();
    }
  });

  describe("exec into a session's pod", () => {
    let kernel: ChildProcess | undefined;
    afterEach(() => {
      kernel?.kill('SIGKILL');
    });

    /** Runs the exec command here, with the pod's main container environment. */
    const localExec = (
      harness: Harness,
      port: number,
      override: Record<string, string> = {},
    ): PodExec =>
      async function* run(_cluster, pod, command, stdin) {
        const spec = harness.server.get('pods', pod.namespace, pod.name)!.spec!;
        const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
        for (const e of spec.containers.find(c => c.name === pod.container)!
          .env!) {
          const ref = e.valueFrom?.secretKeyRef;
          env[e.name] = ref
            ? harness.server.get('secrets', pod.namespace, ref.name!)!
                .stringData![ref.key]
            : e.value!;
        }
        Object.assign(env, { ML_KERNEL_PORT: String(port) }, override);
        const child = spawn(command[0], command.slice(1), { env });
        child.stdin.end(stdin);
        let out = '';
        for await (const chunk of child.stdout) out += chunk;
        const code = await new Promise(resolve => child.on('close', resolve));
        if (code !== 0) throw new Error(`exec exited with ${code}`);
        yield* out.split('\n').filter(Boolean);
      };

    const freePort = () =>
      new Promise<number>(resolve => {
        const server = net.createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as net.AddressInfo;
          server.close(() => resolve(port));
        });
      });

    it('reaches the kernel with the secret from the Secret, which the pod spec does not hold', async () => {
      const port = await freePort();
      let exec: PodExec = () => (async function* none() {})();
      h = await startHarness({}, { exec: (...args) => exec(...args) });
      const spec = specFor('session', {
        args: ['-m', 'ml_platform.session_kernel'],
      });
      await h.driver.start(spec);
      const name = `session-${spec.workloadId}-1`;
      const secret = h.server.get('secrets', NS, `${name}-token`)!.stringData!
        .ML_KERNEL_SECRET;
      expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      const pod = h.server.get('pods', NS, name)!;
      expect(JSON.stringify(pod)).not.toContain(secret);
      expect(pod.spec!.containers[0].env).toEqual(
        expect.arrayContaining([
          {
            name: 'ML_KERNEL_SECRET',
            valueFrom: {
              secretKeyRef: { name: `${name}-token`, key: 'ML_KERNEL_SECRET' },
            },
          },
        ]),
      );
      // The session's kernel, as the pod's main container runs it.
      kernel = spawn('python3', ['-m', 'ml_platform.session_kernel'], {
        env: {
          PATH: process.env.PATH,
          PYTHONPATH: sdkPath,
          ML_KERNEL_PORT: String(port),
          ML_KERNEL_SECRET: secret,
        },
        stdio: 'ignore',
      });
      await waitFor(() =>
        h.driver
          .observe()
          .then(all => all.some(w => w.workloadId === spec.workloadId)),
      );
      const run = async (override?: Record<string, string>) => {
        exec = localExec(h, port, override);
        const lines: string[] = [];
        for await (const line of h.driver.exec(spec, 'print(6*7)', {}))
          lines.push(line);
        return lines.map(l => JSON.parse(l));
      };
      const answered = await waitFor(
        () => run().catch(() => undefined),
        10_000,
        'the kernel to answer',
      );
      expect(answered).toEqual([
        { stream: 'stdout', text: '42\n' },
        { done: true, error: null },
      ]);
      // A wrong secret gets nothing run.
      await expect(run({ ML_KERNEL_SECRET: 'wrong' })).rejects.toThrow(
        'exec exited with 1',
      );
    });
  });
});
