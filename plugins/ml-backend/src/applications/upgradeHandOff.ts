import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Duplex, PassThrough } from 'node:stream';

type UpgradeListener = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
) => void;

// Paths handed off once; bounded, as request paths come from anyone.
const MAX_REMEMBERED_PATHS = 100;
const HAND_OFF_TIMEOUT_MS = 5_000;

/**
 * Node gives a websocket upgrade to the request handlers (express) only
 * while its server has no 'upgrade' listener. Backstage's signals backend
 * relies on that: it subscribes to 'upgrade' when the first upgrade request
 * reaches its router. Once the app proxy listens, that first request never
 * comes, and `/api/signals` hangs for good. So the first upgrade of a path
 * that is not the proxy's is run through the request handlers once, with
 * their answer dropped, and then given to the listeners that subscribed
 * meanwhile; later upgrades of the path reach those listeners directly.
 */
export class UpgradeHandOff {
  private readonly handedOff = new Set<string>();

  handOff(
    server: Server,
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ): void {
    const path = (req.url ?? '').split('?')[0];
    if (this.handedOff.has(path)) return;
    if (this.handedOff.size >= MAX_REMEMBERED_PATHS) this.handedOff.clear();
    this.handedOff.add(path);

    const before = new Set(server.listeners('upgrade'));
    const url = req.url;
    const res = new ServerResponse(req);
    // The handlers answer into a sink: the socket is the upgrade's.
    res.assignSocket(new PassThrough() as unknown as Socket);
    let done = false;
    let timer: NodeJS.Timeout | undefined = undefined;
    const added = () =>
      server
        .listeners('upgrade')
        .filter(l => !before.has(l)) as UpgradeListener[];
    const passOn = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.url = url;
      // None added: a listener that was there before has the socket.
      for (const listener of added()) listener.call(server, req, socket, head);
    };
    // A plugin like the signals backend subscribes and then never answers
    // the request: hand over as soon as it has subscribed, so that the
    // client's first connect works (it gives up after a second).
    const started = Date.now();
    const watch = () => {
      if (done) return;
      if (added().length > 0 || Date.now() - started > HAND_OFF_TIMEOUT_MS) {
        passOn();
        return;
      }
      timer = setTimeout(watch, 10);
    };
    res.on('finish', passOn);
    res.on('close', passOn);
    timer = setTimeout(watch, 0);
    server.emit('request', req, res);
  }
}
