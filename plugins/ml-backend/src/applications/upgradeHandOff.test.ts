import express from 'express';
import http, { IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Duplex } from 'node:stream';
import { RequestAccess } from '../access/RequestAccess';
import { ApplicationProxy } from './ApplicationProxy';
import { ApplicationService } from './ApplicationService';

/** Subscribes to 'upgrade' when the first upgrade reaches it, as Backstage's signals backend does. */
function lazyUpgradePlugin(server: Server, path: string) {
  let subscribed = false;
  const router = express.Router();
  router.use((req, _res, next) => {
    if (!subscribed && req.headers.upgrade?.toLowerCase() === 'websocket') {
      subscribed = true;
      // Like the signals backend, it answers that first request never.
      const hangs = req.originalUrl.endsWith('/hanging');
      server.on('upgrade', (upgradeReq: IncomingMessage, socket: Duplex) => {
        if (!upgradeReq.url?.startsWith(path)) return;
        socket.end(
          'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
        );
      });
      if (hangs) return;
    }
    next();
  });
  return router;
}

function upgrade(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      port,
      path,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket' },
      timeout: 3_000,
    });
    req.on('upgrade', res => {
      res.socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', res => resolve(res.statusCode ?? 0));
    req.on('timeout', () => {
      req.destroy();
      reject(new Error(`no answer to the upgrade of ${path}`));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the app proxy and other plugins that take websockets', () => {
  let server: Server;
  let port: number;

  beforeEach(async () => {
    const app = express();
    server = http.createServer(app);
    const proxy = new ApplicationProxy({
      access: {} as RequestAccess,
      applications: {} as ApplicationService,
    });
    app.use('/api/ml', proxy.middleware);
    app.use('/api/signals', lazyUpgradePlugin(server, '/api/signals'));
    app.use('/api/hangs', lazyUpgradePlugin(server, '/api/hangs'));
    app.use((_req, res) => res.status(404).end());
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(() => new Promise(resolve => server.close(resolve)));

  it('lets a plugin that subscribes on its first upgrade get it, after the proxy listens', async () => {
    // Any ML request makes the proxy listen for upgrades.
    await new Promise(resolve =>
      http.get({ port, path: '/api/ml/health' }, res => {
        res.resume();
        res.on('end', resolve);
      }),
    );
    expect(server.listenerCount('upgrade')).toBe(1);

    expect(await upgrade(port, '/api/signals')).toBe(101);
    // Later upgrades reach the plugin's own listener directly.
    expect(await upgrade(port, '/api/signals')).toBe(101);
    expect(server.listenerCount('upgrade')).toBe(2);
  });

  it('hands over at once to a plugin that subscribes and never answers that first request', async () => {
    await new Promise(resolve =>
      http.get({ port, path: '/api/ml/health' }, res => {
        res.resume();
        res.on('end', resolve);
      }),
    );
    const started = Date.now();
    // upgrade() gives up after 3 s; the hand-off's own limit is 5 s.
    expect(await upgrade(port, '/api/hangs/hanging')).toBe(101);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
