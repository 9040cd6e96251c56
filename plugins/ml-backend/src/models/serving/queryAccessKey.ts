import { InputError } from '@backstage/errors';
import { Request } from 'express';

/** Query parameter names a model access key may come under. */
const KEY_PARAM = /^access[-_]?key$/i;

function paramName(part: string): string {
  const raw = part.split('=')[0].replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

const isKey = (part: string) => KEY_PARAM.test(paramName(part));

function queryParts(url: string): string[] {
  const at = url.indexOf('?');
  return at === -1 ? [] : url.slice(at + 1).split('&');
}

/** The URL with the value of every access key parameter blanked out. */
function redacted(url: string): string {
  const at = url.indexOf('?');
  if (at === -1) return url;
  const query = queryParts(url)
    .map(part => (isKey(part) ? `${part.split('=')[0]}=REDACTED` : part))
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

/**
 * Refuses a model access key in the query string: URLs are written to
 * access logs (the backend's, and any proxy's), browser history and Referer
 * headers. The key is first blanked out of the request's URL, which the
 * backend's access log reads only when the response ends, so it never
 * holds the key.
 */
export function refuseAccessKeyInQuery(req: Request): void {
  const url = req.originalUrl ?? req.url;
  if (!queryParts(url).some(isKey)) return;
  req.originalUrl = redacted(url);
  req.url = redacted(req.url);
  throw new InputError(
    'Access keys are not accepted in the query string, where logs and browser history keep them: ' +
      "send the key as 'Authorization: Bearer <key>', or to POST /model in the JSON body as " +
      '{"accessKey": "<key>", "request": {...}}. Revoke this key and create a new one: ' +
      'it may have been recorded on its way here.',
  );
}
