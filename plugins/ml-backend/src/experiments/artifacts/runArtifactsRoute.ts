import { Router } from 'express';
import { z } from 'zod';
import { invalidParameter } from '../MlflowError';
import { parseMlflowInput } from './artifactRequests';
import {
  artifactBaseName,
  joinArtifactPath,
  normaliseArtifactPath,
  normaliseRequestPath,
} from './artifactPaths';
import type { ArtifactsRouterOptions } from './artifactsRouter';

const PAGE_SIZE = 1000;
const SCHEME = 'mlflow-artifacts:';

const listQuery = z.object({
  run_id: z.string().optional(),
  // The field's old name, which older clients still send.
  run_uuid: z.string().optional(),
  path: z.string().optional(),
  page_token: z.string().optional(),
});

/**
 * The store folder of a run's artifact URI: `mlflow-artifacts:/1/abc/artifacts`
 * (or `mlflow-artifacts://host/1/abc/artifacts`) is `1/abc/artifacts`.
 */
export function artifactUriFolder(artifactUri: string): string {
  if (!artifactUri.startsWith(SCHEME)) {
    throw invalidParameter(
      `The run's artifacts are at '${artifactUri}', which this server does not serve`,
    );
  }
  let rest = artifactUri.slice(SCHEME.length);
  if (rest.startsWith('//')) {
    // `//host/path`: the host names the server, not a folder.
    const slash = rest.indexOf('/', 2);
    rest = slash === -1 ? '' : rest.slice(slash);
  }
  return normaliseArtifactPath(rest.replace(/^\/+/, ''));
}

function pageOffset(token: string | undefined): number {
  if (!token) return 0;
  const offset = Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(offset) || offset <= 0) {
    throw invalidParameter(`Invalid page_token '${token}'`);
  }
  return offset;
}

const pageToken = (offset: number) =>
  Buffer.from(String(offset), 'utf8').toString('base64url');

/**
 * The tracking API's `GET artifacts/list` (ListArtifacts in
 * `service.proto`): a run's artifacts, one folder at a time, with paths
 * relative to the run's artifact root, in pages of {@link PAGE_SIZE}.
 * `resolveRun` finds the run and checks the caller may read it; the folder
 * listed is authorised as well.
 */
export function addRunArtifactsRoute(
  router: Router,
  prefix: string,
  options: Pick<ArtifactsRouterOptions, 'store' | 'authorize' | 'resolveRun'>,
): void {
  const { store, authorize, resolveRun } = options;

  router.get(`${prefix}/artifacts/list`, async (req, res) => {
    const query = parseMlflowInput(listQuery, req.query);
    const runId = query.run_id || query.run_uuid;
    if (!runId) {
      throw invalidParameter("Missing value for required parameter 'run_id'");
    }
    const relative = normaliseRequestPath(query.path ?? '');
    const offset = pageOffset(query.page_token);
    const { artifactUri } = await resolveRun(req, runId);
    const folder = joinArtifactPath(artifactUriFolder(artifactUri), relative);
    // The folder too: a run's artifact URI need not lie in its experiment.
    await authorize(req, folder, 'read');

    const listed = await store.list(folder);
    const page = listed.slice(offset, offset + PAGE_SIZE);
    const files = page.map(info => ({
      ...info,
      path: joinArtifactPath(relative, artifactBaseName(info.path)),
    }));
    res.json({
      root_uri: artifactUri,
      ...(files.length > 0 && { files }),
      ...(offset + PAGE_SIZE < listed.length && {
        next_page_token: pageToken(offset + PAGE_SIZE),
      }),
    });
  });
}
