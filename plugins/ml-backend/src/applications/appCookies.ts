/**
 * Cookies across the application proxy. Applications are served on the
 * portal's own origin, so a cookie an app sets is a cookie of the portal:
 * one with a portal cookie's name would overwrite the user's session, and one
 * for `Path=/` or a `Domain` would reach every other app and the portal.
 */

/**
 * The portal's own cookies, by exact name: Backstage's user cookie
 * (`@backstage/backend-defaults` httpAuth) and express-session's, which the
 * auth backend uses when `auth.session.secret` is set.
 */
export const PORTAL_COOKIE_NAMES: readonly string[] = [
  'backstage-auth',
  'connect.sid',
];

/**
 * The portal's own cookies, by suffix: the auth backend's per-provider
 * cookies (`@backstage/plugin-auth-node` OAuthCookieManager:
 * `<provider>-refresh-token`, `-granted-scope`, `-nonce`), which it splits
 * into `<name>-0`, `<name>-1`, … when they are long.
 */
export const PORTAL_COOKIE_SUFFIXES: readonly string[] = [
  '-refresh-token',
  '-granted-scope',
  '-nonce',
];

/** Whether a cookie name is one of the portal's (in any case, with any `__Host-`/`__Secure-` prefix). */
export function isPortalCookie(name: string): boolean {
  const bare = name
    .trim()
    .toLowerCase()
    .replace(/^__(host|secure)-/, '')
    .replace(/-\d+$/, '');
  return (
    PORTAL_COOKIE_NAMES.includes(bare) ||
    PORTAL_COOKIE_SUFFIXES.some(suffix => bare.endsWith(suffix))
  );
}

/** The browser's `Cookie` header for the app: without the portal's cookies. */
export function cookiesForApp(cookie: string): string | undefined {
  const kept = cookie
    .split(';')
    .map(part => part.trim())
    .filter(part => part && !isPortalCookie(part.split('=')[0]));
  return kept.length ? kept.join('; ') : undefined;
}

/**
 * The app's `Set-Cookie` headers for the browser: those that would set or
 * clear a portal cookie are dropped; the others lose any `Domain` (so they
 * stay on the portal's host) and get a `Path` under the app's prefix (an
 * app's `/` is its prefix, as for redirects).
 */
export function setCookiesForBrowser(
  values: string[],
  prefix: string,
): string[] {
  const out: string[] = [];
  for (const value of values) {
    const [pair, ...attributes] = value.split(';');
    const eq = pair.indexOf('=');
    const name = eq === -1 ? '' : pair.slice(0, eq).trim();
    if (!name || isPortalCookie(name)) continue;
    let path = '/';
    const kept: string[] = [];
    for (const attribute of attributes) {
      const [key, ...rest] = attribute.split('=');
      const lower = key.trim().toLowerCase();
      if (lower === 'domain') continue;
      if (lower === 'path') {
        path = rest.join('=').trim();
        continue;
      }
      if (attribute.trim()) kept.push(attribute.trim());
    }
    out.push(
      [pair.trim(), `Path=${appPath(path, prefix)}`, ...kept].join('; '),
    );
  }
  return out;
}

function appPath(path: string, prefix: string): string {
  if (path === prefix || path.startsWith(`${prefix}/`)) return path;
  if (!path.startsWith('/') || path.startsWith('//')) return `${prefix}/`;
  return `${prefix}${path}`;
}
