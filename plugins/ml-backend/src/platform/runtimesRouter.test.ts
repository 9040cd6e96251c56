import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { MlTestBackend, startMlBackend } from '../__testUtils__/startMlBackend';
import { sendWithSnapshots } from '../__testUtils__/sendWithSnapshots';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const python = {
  editor: 'Workbench',
  kernel: 'Python 3.11',
  edition: 'Standard',
  shortVersion: '2026.11',
};

describe.each(databases.eachSupportedId())('runtimes API (%s)', databaseId => {
  let backend: MlTestBackend;

  beforeAll(async () => {
    backend = await startMlBackend(databases, databaseId, {
      config: {
        runtimes: [
          {
            ...python,
            maintenanceVersion: 1,
            command: 'python3',
            description: 'seeded',
          },
        ],
      },
    });
  });

  afterAll(() => backend.stop());

  it('seeds runtimes from config', async () => {
    const res = await request(backend.server)
      .get('/api/ml/runtimes')
      .expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        ...python,
        maintenanceVersion: 1,
        command: 'python3',
        enabled: true,
      }),
    ]);
  });

  it('offers only the newest maintenance version unless asked for all', async () => {
    const { server } = backend;
    await request(server)
      .post('/api/ml/runtimes')
      .send({ ...python, maintenanceVersion: 3, command: 'python3' })
      .expect(201);
    await request(server)
      .post('/api/ml/runtimes')
      .send({ ...python, maintenanceVersion: 2, command: 'python3' })
      .expect(201);
    await request(server)
      .post('/api/ml/runtimes')
      .send({
        ...python,
        shortVersion: '2026.05',
        maintenanceVersion: 7,
        image: 'registry.example/py:2026.05.7',
      })
      .expect(201);

    const latest = await request(server)
      .get('/api/ml/runtimes?sort=short_version')
      .expect(200);
    expect(
      latest.body.items.map(
        (r: any) => `${r.shortVersion}.${r.maintenanceVersion}`,
      ),
    ).toEqual(['2026.05.7', '2026.11.3']);
    const all = await request(server)
      .get('/api/ml/runtimes?all=true&sort=-maintenance_version')
      .expect(200);
    expect(all.body.total_size).toBe(4);
    expect(all.body.items.map((r: any) => r.maintenanceVersion)).toEqual([
      7, 3, 2, 1,
    ]);
  });

  it('enables, disables and deletes', async () => {
    const { server } = backend;
    const all = await request(server)
      .get('/api/ml/runtimes?all=true&filter=2026.05')
      .expect(200);
    const id = all.body.items[0].id;
    await request(server)
      .patch(`/api/ml/runtimes/${id}`)
      .send({ enabled: false })
      .expect(200);
    const enabled = await request(server)
      .get('/api/ml/runtimes?enabled=true')
      .expect(200);
    expect(enabled.body.items.map((r: any) => r.id)).not.toContain(id);
    const disabled = await request(server)
      .get('/api/ml/runtimes?enabled=false')
      .expect(200);
    expect(disabled.body.items.map((r: any) => r.id)).toEqual([id]);
    await request(server).delete(`/api/ml/runtimes/${id}`).expect(204);
    await request(server).get(`/api/ml/runtimes/${id}`).expect(404);
  });

  it.each([
    [
      'no image or command',
      { ...python, maintenanceVersion: 9 },
      400,
      'needs an image',
    ],
    [
      'duplicate tuple',
      { ...python, maintenanceVersion: 1, command: 'python3' },
      409,
      'already exists',
    ],
    [
      'negative version',
      { ...python, maintenanceVersion: -1, command: 'python3' },
      400,
      'maintenanceVersion',
    ],
    [
      'missing kernel',
      {
        editor: 'x',
        edition: 'y',
        shortVersion: '1',
        maintenanceVersion: 1,
        command: 'c',
      },
      400,
      'kernel',
    ],
    [
      'odd characters',
      { ...python, editor: '<script>', maintenanceVersion: 1, command: 'c' },
      400,
      'editor',
    ],
  ] as const)(
    'refuses %s and changes nothing',
    async (_label, body, status, message) => {
      const { res, before, after } = await sendWithSnapshots(backend, () =>
        request(backend.server).post('/api/ml/runtimes').send(body),
      );
      expect(res.status).toBe(status);
      expect(res.body.error.message).toContain(message);
      expect(after).toEqual(before);
    },
  );

  it('refuses to clear both image and command', async () => {
    const all = await request(backend.server)
      .get('/api/ml/runtimes?all=true')
      .expect(200);
    const seeded = all.body.items.find((r: any) => r.maintenanceVersion === 1);
    const { res, before, after } = await sendWithSnapshots(backend, () =>
      request(backend.server)
        .patch(`/api/ml/runtimes/${seeded.id}`)
        .send({ command: null }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('needs an image');
    expect(after).toEqual(before);
  });
});
