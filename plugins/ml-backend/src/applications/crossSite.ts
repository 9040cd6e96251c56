import { IncomingMessage } from 'node:http';

/** Methods that change things: a page of another site may not send them. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Why a request to an app is refused as cross-site, or undefined. The portal
 * sends the user's cookie along with any request the browser makes to an
 * app, including a form a page of another site submits: for requests that
 * change things, the browser's word on where it came from must be the
 * portal's own origin. Browsers say so in `Sec-Fetch-Site`; older ones only
 * in `Origin`. A request with neither is not a browser's cross-site request
 * (curl, scripts, tests) and goes through.
 */
export function crossSiteRefusal(req: IncomingMessage): string | undefined {
  const method = (req.method ?? 'GET').toUpperCase();
  if (!STATE_CHANGING.has(method)) return undefined;
  const what = `A page of another site may not send this application a ${method}`;
  const site = first(req.headers['sec-fetch-site'])?.trim().toLowerCase();
  if (site) {
    // 'none': typed into the address bar or a bookmark, by the user.
    if (site === 'same-origin' || site === 'none') return undefined;
    return `${what} (the browser says it comes from a ${site} page); open the application from the portal and use it there.`;
  }
  const origin = first(req.headers.origin)?.trim();
  if (!origin) return undefined;
  let host: string | undefined;
  try {
    host = origin === 'null' ? undefined : new URL(origin).host;
  } catch {
    host = undefined;
  }
  const ours = [first(req.headers.host), first(req.headers['x-forwarded-host'])]
    .filter((h): h is string => Boolean(h))
    .map(h => h.split(',')[0].trim().toLowerCase());
  if (host && ours.includes(host.toLowerCase())) return undefined;
  return `${what} (it comes from origin '${origin}'); open the application from the portal and use it there.`;
}
