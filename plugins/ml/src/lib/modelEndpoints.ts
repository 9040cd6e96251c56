import { curlExample } from './models';

/** The two URLs a model answers predictions on. */
export interface ModelEndpoints {
  /** Per model: the body is the request itself, the key a Bearer token. */
  perModel: string;
  /** CML's: one URL for every model, `{"accessKey", "request"}`; the key names the model. */
  cml: string;
}

/**
 * Where a model answers, under the ML API's base URL. The scaffolder's
 * `ml:model:deploy` gives the same two URLs as `endpointUrl` and
 * `cmlEndpointUrl`.
 */
export function modelEndpoints(
  baseUrl: string,
  projectId: string,
  modelId: string,
): ModelEndpoints {
  return {
    perModel: `${baseUrl}/projects/${encodeURIComponent(
      projectId,
    )}/models/${encodeURIComponent(modelId)}/predict`,
    cml: `${baseUrl}/model`,
  };
}

function shellQuoted(text: string): string {
  // Single quotes in the text would end the shell string.
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A curl command for the per-model URL. Without `needsKey` it works as
 * pasted; with it, the key is a placeholder: whole keys are shown only once.
 */
export function perModelCurl(options: {
  url: string;
  request: unknown;
  needsKey: boolean;
}): string {
  return [
    `curl -X POST ${options.url} \\`,
    ...(options.needsKey
      ? [`  -H 'Authorization: Bearer <access key>' \\`]
      : []),
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuoted(JSON.stringify(options.request ?? {}))}`,
  ].join('\n');
}

/** A curl command for CML's URL, which always needs a key: it names the model. */
export function cmlCurl(options: { url: string; request: unknown }): string {
  return curlExample({ endpointUrl: options.url, request: options.request });
}
