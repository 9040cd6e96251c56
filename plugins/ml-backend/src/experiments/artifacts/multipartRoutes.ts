import { Request, Router } from 'express';
import { z } from 'zod';
import { invalidParameter } from '../MlflowError';
import {
  intLike,
  mlflowJsonBody,
  parseMlflowInput,
  uploadBody,
} from './artifactRequests';
import {
  joinArtifactPath,
  normaliseArtifactPath,
  normaliseRequestPath,
} from './artifactPaths';
import type { ArtifactsRouterOptions } from './artifactsRouter';

/** As S3, whose multipart API MLflow's follows. */
const MAX_PARTS = 10_000;

const createBody = z.object({
  path: z.string().min(1),
  num_parts: intLike.pipe(z.number().min(1).max(MAX_PARTS)).optional(),
});
const completeBody = z.object({
  path: z.string().min(1),
  upload_id: z.string().min(1),
  parts: z
    .array(
      z.object({
        part_number: intLike,
        etag: z.string().optional(),
        url: z.string().optional(),
      }),
    )
    .min(1),
});
const abortBody = z.object({
  path: z.string().min(1),
  upload_id: z.string().min(1),
});
const uploadPartQuery = z.object({
  path: z.string().min(1),
  upload_id: z.string().min(1),
  part_number: intLike,
});

/**
 * The artifact a multipart call is about. As MLflow's cloud stores do, it
 * is the file named by the body's `path` (the client's local file, often an
 * absolute path: only its last part counts) inside the URL's folder.
 */
function uploadTarget(req: Request, localFile: string): string {
  const name = localFile.split(/[\\/]/).pop() ?? '';
  if (name === '' || name === '.' || name === '..') {
    throw invalidParameter(`Invalid path '${localFile}': it names no file`);
  }
  const folder = normaliseRequestPath(req.params[0] ?? '');
  return normaliseArtifactPath(joinArtifactPath(folder, name));
}

/** Where the caller reaches this router from outside. */
function routerBaseUrl(req: Request, externalBaseUrl?: string): string {
  const base =
    externalBaseUrl ?? `${req.protocol}://${req.get('host')}${req.baseUrl}`;
  return base.replace(/\/+$/, '');
}

/**
 * MLflow's multipart upload routes (`mlflow_artifacts.proto`: create,
 * complete, abort), plus `PUT mpu/upload-part` of our own for the bytes.
 *
 * MLflow's own server only offers multipart uploads over cloud stores and
 * hands out presigned S3/GCS/Azure URLs for the parts, which the client
 * `PUT`s with the headers given beside each URL and nothing else. Here
 * each credential's URL is our `upload-part` route instead, which needs
 * the caller's token like every other route: a response never carries a
 * token, so a client sends its own with each part (MLflow's Python client,
 * which sends only the given headers to part URLs, uploads large files in
 * one PUT unless `MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD` is set). The
 * part's etag comes back in the `ETag` header, as S3 sends it.
 */
export function addMultipartRoutes(
  router: Router,
  prefix: string,
  options: Pick<
    ArtifactsRouterOptions,
    'store' | 'authorize' | 'externalBaseUrl'
  > & { maxUploadBytes: number },
): void {
  const { store, authorize, maxUploadBytes } = options;
  const json = mlflowJsonBody();
  // Always with the artifact folder (MLflow's client sends it): a target at
  // the store's root would belong to no experiment.
  const routes = (action: string) => `${prefix}/mpu/${action}/*`;

  router.post(routes('create'), json, async (req, res) => {
    const body = parseMlflowInput(createBody, req.body);
    const target = uploadTarget(req, body.path);
    await authorize(req, target, 'write');
    const uploadId = await store.createMultipartUpload(target);
    const base = `${routerBaseUrl(req, options.externalBaseUrl)}${prefix}`;
    const credentials = Array.from(
      { length: body.num_parts ?? 1 },
      (_, index) => {
        const query = new URLSearchParams({
          path: target,
          upload_id: uploadId,
          part_number: String(index + 1),
        });
        return {
          url: `${base}/mpu/upload-part?${query}`,
          part_number: index + 1,
          headers: {},
        };
      },
    );
    res.json({ upload_id: uploadId, credentials });
  });

  router.put(`${prefix}/mpu/upload-part`, async (req, res) => {
    const query = parseMlflowInput(uploadPartQuery, req.query);
    const target = normaliseRequestPath(query.path);
    await authorize(req, target, 'write');
    const etag = await store.uploadPart(
      target,
      query.upload_id,
      query.part_number,
      uploadBody(req, maxUploadBytes),
    );
    res.setHeader('ETag', `"${etag}"`);
    res.json({});
  });

  router.post(routes('complete'), json, async (req, res) => {
    const body = parseMlflowInput(completeBody, req.body);
    const target = uploadTarget(req, body.path);
    await authorize(req, target, 'write');
    await store.completeMultipartUpload(
      target,
      body.upload_id,
      body.parts.map(part => ({
        partNumber: part.part_number,
        etag: part.etag || undefined,
      })),
    );
    res.json({});
  });

  router.post(routes('abort'), json, async (req, res) => {
    const body = parseMlflowInput(abortBody, req.body);
    const target = uploadTarget(req, body.path);
    await authorize(req, target, 'write');
    await store.abortMultipartUpload(target, body.upload_id);
    res.json({});
  });
}
