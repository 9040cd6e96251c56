import { NotFoundError } from '@backstage/errors';
import {
  DNS_LABEL_PATTERN,
  mlProjectReadPermission,
} from '@ml-platform/plugin-ml-common';
import { Request, RequestHandler, Response } from 'express';
import http, { IncomingMessage, Server } from 'node:http';
import { Duplex } from 'node:stream';
import { RequestAccess } from '../access/RequestAccess';
import { ApplicationService } from './ApplicationService';
import { crossSiteRefusal } from './crossSite';
import {
  downstreamResponseHeaders,
  rawResponseHead,
  upstreamRequestHeaders,
  withAppCookies,
} from './proxyHeaders';
import { statusPage } from './statusPage';
import { UpgradeHandOff } from './upgradeHandOff';

/** `/apps/<slug><rest>`, relative to the plugin's mount path. */
const APP_PATH = /^\/apps\/([^/?#]*)(.*)$/s;

interface Route {
  target: URL;
  /** The app's path on the portal, e.g. `/api/ml/apps/churn-dashboard`. */
  prefix: string;
  user?: string;
}

interface Refusal {
  status: number;
  title: string;
  message: string;
}

function isRefusal(value: Route | Refusal): value is Refusal {
  return 'status' in value;
}

const notFound = (slug: string): Refusal => ({
  status: 404,
  title: 'No such application',
  message: `There is no application at '${slug}', or you may not open it.`,
});

/**
 * The reverse proxy in front of applications, at `/api/ml/apps/:slug/`
 * (HTTP and websockets). It only ever connects to the address the compute
 * driver registered for the app's running workload: nothing in the request
 * (Host, an absolute URL, `..`, `//host`) takes part in choosing where to
 * connect, and the path after the slug is passed to that one address as is.
 */
export class ApplicationProxy {
  // Keep-alive to replicas: a page load is many small requests.
  private readonly agent = new http.Agent({ keepAlive: true });
  private readonly servers = new WeakSet<Server>();
  private readonly handOff = new UpgradeHandOff();
  private mountPath?: string;

  constructor(
    private readonly deps: {
      access: RequestAccess;
      applications: ApplicationService;
    },
  ) {}

  /** Express middleware for the plugin's router; ahead of any body parser. */
  readonly middleware: RequestHandler = (req, res, next) => {
    this.listenForUpgrades(req);
    const match = APP_PATH.exec(req.url);
    if (!match) {
      next();
      return;
    }
    this.serve(req, res, match[1], match[2]).catch(next);
  };

  /**
   * Websocket upgrades never reach express: the HTTP server emits 'upgrade'.
   * A plugin is not given the server, so (as http-proxy-middleware does for
   * the proxy plugin) it is taken from the first request that comes in; a
   * browser loads an app's page before the page opens a websocket.
   */
  private listenForUpgrades(req: Request) {
    this.mountPath ??= req.baseUrl;
    const server = (req.socket as unknown as { server?: Server }).server;
    if (server && !this.servers.has(server)) {
      this.servers.add(server);
      server.on(
        'upgrade',
        (upgradeReq: IncomingMessage, socket: Duplex, head: Buffer) =>
          this.onUpgrade(server, upgradeReq, socket, head),
      );
    }
  }

  close() {
    this.agent.destroy();
  }

  private async route(
    req: IncomingMessage,
    slug: string,
    prefix: string,
  ): Promise<Route | Refusal> {
    const caller = await this.deps.access
      .browserUser(req)
      .catch(() => undefined);
    const target = DNS_LABEL_PATTERN.test(slug)
      ? await this.deps.applications.target(slug)
      : undefined;
    if (!target?.app.bypassAuthentication) {
      if (!caller) {
        return {
          status: 401,
          title: 'Sign in first',
          message:
            'Open this application from its project in the portal, where you are signed in.',
        };
      }
      if (!target) return notFound(slug);
      try {
        await this.deps.access.authorizeProject(
          caller.credentials,
          target.app.projectId,
          mlProjectReadPermission,
        );
      } catch (error) {
        if ((error as Error).name === NotFoundError.name) return notFound(slug);
        throw error;
      }
    }
    if (!target) return notFound(slug);
    if (!target.url) {
      return {
        status: 503,
        title: `${target.app.name} is not running`,
        message: `The application is ${target.state}${
          target.reason ? ` (${target.reason})` : ''
        }. Start it from its project's Applications tab, then reload this page.`,
      };
    }
    return { target: new URL(target.url), prefix, user: caller?.ref };
  }

  private context(req: IncomingMessage, route: Route) {
    const encrypted = Boolean(
      (req.socket as { encrypted?: boolean }).encrypted,
    );
    return {
      target: route.target,
      prefix: route.prefix,
      user: route.user,
      forwardedHost: req.headers.host,
      forwardedProto: encrypted ? 'https' : 'http',
      remoteAddress: req.socket.remoteAddress,
    };
  }

  private async serve(req: Request, res: Response, slug: string, rest: string) {
    const prefix = `${req.baseUrl}/apps/${slug}`;
    if (!rest.startsWith('/') && DNS_LABEL_PATTERN.test(slug)) {
      // `/apps/x` → `/apps/x/`, so that the app's relative links resolve under it.
      res.redirect(302, `${prefix}/${rest}`);
      return;
    }
    // Refused before anything reaches the app, whoever the caller is.
    const crossSite = crossSiteRefusal(req);
    const route = crossSite
      ? {
          status: 403,
          title: 'Refused a cross-site request',
          message: crossSite,
        }
      : await this.route(req, slug, prefix);
    if (isRefusal(route)) {
      res
        .status(route.status)
        .type('html')
        .send(statusPage(route.title, route.message));
      return;
    }
    const context = this.context(req, route);
    let upstream: http.ClientRequest;
    try {
      upstream = http.request({
        host: route.target.hostname,
        port: route.target.port,
        method: req.method,
        path: rest,
        headers: upstreamRequestHeaders(req.headers, context),
        agent: this.agent,
      });
    } catch (error) {
      res
        .status(400)
        .type('html')
        .send(
          statusPage(
            'Bad request',
            `The path cannot be sent on: ${(error as Error).message}`,
          ),
        );
      return;
    }
    let complete = false;
    upstream.on('response', upstreamRes => {
      // The portal's content security policy is for the portal's pages; these are the app's.
      res.removeHeader('content-security-policy');
      res.writeHead(
        upstreamRes.statusCode ?? 502,
        downstreamResponseHeaders(upstreamRes.headers, context),
      );
      upstreamRes.on('end', () => (complete = true));
      upstreamRes.pipe(res);
    });
    upstream.on('error', error => {
      if (res.headersSent) {
        res.destroy(error);
        return;
      }
      res
        .status(503)
        .type('html')
        .send(
          statusPage(
            'The application did not answer',
            `It may still be starting; reload in a moment. (${
              (error as NodeJS.ErrnoException).code ?? error.message
            })`,
          ),
        );
    });
    res.on('close', () => {
      if (!complete) upstream.destroy();
    });
    req.pipe(upstream);
  }

  private onUpgrade(
    server: Server,
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ) {
    const base = this.mountPath;
    const url = req.url ?? '';
    if (base === undefined || !url.startsWith(`${base}/apps/`)) {
      // Another plugin's (signals'): let it see its first upgrade.
      this.handOff.handOff(server, req, socket, head);
      return;
    }
    socket.on('error', () => socket.destroy());
    const match = APP_PATH.exec(url.slice(base.length))!;
    this.upgrade(
      req,
      socket,
      head,
      match[1],
      match[2],
      `${base}/apps/${match[1]}`,
    ).catch(() => refuse(socket, 500, 'the proxy failed'));
  }

  private async upgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    slug: string,
    rest: string,
    prefix: string,
  ) {
    // A page on another site may open websockets here with the user's cookie;
    // only the portal's own origin (where the app's pages are) may.
    const origin = req.headers.origin;
    if (
      origin &&
      origin !== 'null' &&
      new URL(origin).host !== req.headers.host
    ) {
      refuse(
        socket,
        403,
        `origin ${origin} may not open this application's websockets`,
      );
      return;
    }
    const route = await this.route(req, slug, prefix);
    if (isRefusal(route)) {
      refuse(socket, route.status, route.message);
      return;
    }
    if (!rest.startsWith('/')) {
      refuse(socket, 404, 'websocket paths are under the application path');
      return;
    }
    const upstream = http.request({
      host: route.target.hostname,
      port: route.target.port,
      method: req.method,
      path: rest,
      headers: upstreamRequestHeaders(req.headers, this.context(req, route), {
        upgrade: true,
      }),
      agent: false,
    });
    upstream.on('upgrade', (upstreamRes, upstreamSocket, upstreamHead) => {
      upstreamSocket.on('error', () => socket.destroy());
      socket.on('close', () => upstreamSocket.destroy());
      upstreamSocket.on('close', () => socket.destroy());
      socket.write(
        rawResponseHead(
          `101 ${upstreamRes.statusMessage || 'Switching Protocols'}`,
          withAppCookies(upstreamRes.headers, route.prefix),
        ),
      );
      if (upstreamHead.length) socket.write(upstreamHead);
      if (head.length) upstreamSocket.write(head);
      upstreamSocket.pipe(socket).pipe(upstreamSocket);
    });
    // The app answered without switching protocols: pass its answer on.
    upstream.on('response', upstreamRes => {
      const headers = downstreamResponseHeaders(
        upstreamRes.headers,
        this.context(req, route),
      );
      socket.write(
        rawResponseHead(
          `${upstreamRes.statusCode} ${upstreamRes.statusMessage}`,
          { ...headers, connection: 'close' },
        ),
      );
      upstreamRes.pipe(socket);
    });
    upstream.on('error', error =>
      refuse(
        socket,
        503,
        `the application did not answer (${
          (error as NodeJS.ErrnoException).code ?? error.message
        })`,
      ),
    );
    upstream.end();
  }
}

function refuse(socket: Duplex, status: number, message: string) {
  if (!socket.writable) return;
  const body = `${message}\n`;
  socket.end(
    rawResponseHead(`${status} ${http.STATUS_CODES[status] ?? ''}`, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    }) + body,
  );
}
