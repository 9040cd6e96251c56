import { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

import { cookiesForApp, setCookiesForBrowser } from './appCookies';

/** The header that tells an application who is using it. */
export const USER_HEADER = 'x-ml-user';

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection, not the message.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function withoutHopByHop(
  headers: IncomingHttpHeaders,
): Record<string, string | string[]> {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map(h => h.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name))
      continue;
    out[name] = value;
  }
  return out;
}

export interface UpstreamContext {
  /** The app's replica, `http://host:port`. */
  target: URL;
  /** The path the app is served under on the portal, without a trailing slash. */
  prefix: string;
  /** The signed-in user's entity ref, when there is one. */
  user?: string;
  /** The portal's host and scheme as the browser used them. */
  forwardedHost?: string;
  forwardedProto: string;
  remoteAddress?: string;
}

/**
 * The headers sent to the app: the browser's, minus what identifies the user
 * to the portal (their token and cookie) and minus any `X-ML-User` the
 * caller made up; plus who the user is and where the app is mounted.
 */
export function upstreamRequestHeaders(
  incoming: IncomingHttpHeaders,
  context: UpstreamContext,
  options: { upgrade?: boolean } = {},
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = withoutHopByHop(incoming);
  delete headers[USER_HEADER];
  delete headers.authorization;
  delete headers.host;
  if (typeof incoming.cookie === 'string') {
    const cookie = cookiesForApp(incoming.cookie);
    if (cookie) headers.cookie = cookie;
    else delete headers.cookie;
  }
  headers.host = context.target.host;
  if (context.user) headers[USER_HEADER] = context.user;
  headers['x-forwarded-prefix'] = context.prefix;
  headers['x-forwarded-proto'] = context.forwardedProto;
  if (context.forwardedHost)
    headers['x-forwarded-host'] = context.forwardedHost;
  if (context.remoteAddress) {
    const earlier = incoming['x-forwarded-for'];
    headers['x-forwarded-for'] = earlier
      ? `${earlier}, ${context.remoteAddress}`
      : context.remoteAddress;
  }
  if (options.upgrade) {
    headers.connection = 'Upgrade';
    headers.upgrade = incoming.upgrade;
  }
  return headers;
}

/**
 * The app's `Set-Cookie` headers as the browser may get them (see
 * appCookies.ts); the other headers as they are.
 */
export function withAppCookies<H extends IncomingHttpHeaders>(
  headers: H,
  prefix: string,
): H {
  const setCookie = headers['set-cookie'];
  if (!setCookie) return headers;
  const out = { ...headers };
  const kept = setCookiesForBrowser(setCookie, prefix);
  if (kept.length) out['set-cookie'] = kept;
  else delete out['set-cookie'];
  return out;
}

/**
 * The app's response headers for the browser. A redirect to a path of the
 * app's own (`/login`, or its replica's address) is rewritten to stay under
 * the app's prefix; cookies stay under it too, and never replace the
 * portal's.
 */
export function downstreamResponseHeaders(
  incoming: IncomingHttpHeaders,
  context: Pick<UpstreamContext, 'target' | 'prefix'>,
): Record<string, string | string[]> {
  const headers = withoutHopByHop(withAppCookies(incoming, context.prefix));
  const location = headers.location;
  if (typeof location === 'string') {
    if (location.startsWith(context.target.origin)) {
      headers.location = `${context.prefix}${
        location.slice(context.target.origin.length) || '/'
      }`;
    } else if (
      location.startsWith('/') &&
      !location.startsWith('//') &&
      !location.startsWith(`${context.prefix}/`)
    ) {
      headers.location = `${context.prefix}${location}`;
    }
  }
  return headers;
}

/** An HTTP/1.1 head as raw text, for answering on an upgraded socket. */
export function rawResponseHead(
  status: string,
  headers: IncomingHttpHeaders | Record<string, string | string[]>,
): string {
  const lines = [`HTTP/1.1 ${status}`];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value])
      lines.push(`${name}: ${one}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}
