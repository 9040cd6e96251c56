import express, { ErrorRequestHandler, Request, Response } from 'express';
import Router from 'express-promise-router';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { MlflowError } from '../MlflowError';
import { ArtifactStore } from './ArtifactStore';
import { artifactContentType } from './artifactContentType';
import { parseMlflowInput, uploadBody } from './artifactRequests';
import { artifactBaseName, normaliseRequestPath } from './artifactPaths';
import { addMultipartRoutes } from './multipartRoutes';
import { addRunArtifactsRoute } from './runArtifactsRoute';

const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 ** 3;
const ARTIFACTS_API = '/mlflow/api/2.0/mlflow-artifacts';
const TRACKING_API = '/mlflow/api/2.0/mlflow';

const listQuery = z.object({ path: z.string().optional() });

/** @internal */
export interface ArtifactsRouterOptions {
  store: ArtifactStore;
  /**
   * Refuses (by throwing an MlflowError, such as `PERMISSION_DENIED`) a
   * caller who may not `need` the artifact at `artifactPath`, a store path
   * `<experiment_id>/<run_id>/artifacts/...` (`''` for the whole store).
   * Called before anything is read or written.
   */
  authorize(
    req: Request,
    artifactPath: string,
    need: 'read' | 'write',
  ): Promise<void>;
  /**
   * The run `runId`'s artifact URI (`mlflow-artifacts:/<experiment_id>/<run_id>/artifacts`),
   * if the caller may read the run; throws an MlflowError otherwise.
   */
  resolveRun(req: Request, runId: string): Promise<{ artifactUri: string }>;
  /** The largest upload (one PUT, or one part) in bytes; 5 GiB by default. */
  maxUploadBytes?: number;
  /**
   * Where clients reach this router (the plugin's external base URL), for
   * the part URLs of multipart uploads; taken from the request by default.
   */
  externalBaseUrl?: string;
}

/** The artifact path a route's `*` names, checked. */
const pathParam = (req: Request) => normaliseRequestPath(req.params[0] ?? '');

/** Headers that keep a browser from running an artifact on our origin. */
function setDownloadHeaders(res: Response, artifactPath: string, size: number) {
  // Sets Content-Disposition (attachment, its name encoded as RFC 6266 says).
  res.attachment(artifactBaseName(artifactPath));
  res.setHeader('Content-Type', artifactContentType(artifactPath));
  res.setHeader('Content-Length', String(size));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
}

/** Answers MLflow's errors as MLflow does; leaves the rest to the plugin's handler. */
const mlflowErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (!(error instanceof MlflowError) || res.headersSent) {
    next(error);
    return;
  }
  // A refused upload is not read to its end: the connection cannot be reused.
  if (!req.complete) res.setHeader('Connection', 'close');
  res.status(error.status).json(error.toJSON());
};

/**
 * MLflow's artifact API over an {@link ArtifactStore}: the artifact proxy
 * routes of `mlflow_artifacts.proto` (upload, download, list, delete,
 * multipart uploads) under `/mlflow/api/2.0/mlflow-artifacts`, and the
 * tracking API's `artifacts/list` under `/mlflow/api/2.0/mlflow`. Every
 * call is authorised by the caller's `authorize` (or `resolveRun`) first.
 *
 * Multipart uploads hand out part URLs on this router's own
 * `mpu/upload-part` route where MLflow's server would hand out presigned
 * cloud-storage URLs (see `addMultipartRoutes`).
 *
 * Uploads read the raw request body themselves (streamed to the store, up
 * to `maxUploadBytes`), so this router goes ahead of any body parser.
 * MlflowErrors are answered here as `{error_code, message}` with their
 * status; any other error goes on to the plugin's error handler.
 *
 * @internal
 */
export function createArtifactsRouter(
  options: ArtifactsRouterOptions,
): express.Router {
  const { store, authorize } = options;
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const router = Router();

  router.get(`${ARTIFACTS_API}/artifacts`, async (req, res) => {
    const query = parseMlflowInput(listQuery, req.query);
    const folder = normaliseRequestPath(query.path ?? '');
    await authorize(req, folder, 'read');
    const files = (await store.list(folder)).map(info => ({
      ...info,
      path: artifactBaseName(info.path),
    }));
    // MLflow leaves an empty list out.
    res.json(files.length > 0 ? { files } : {});
  });

  router.get(`${ARTIFACTS_API}/artifacts/*`, async (req, res) => {
    const artifactPath = pathParam(req);
    await authorize(req, artifactPath, 'read');
    const { stream, size } = await store.get(artifactPath);
    setDownloadHeaders(res, artifactPath, size);
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
      return;
    }
    await pipeline(stream, res).catch(error => {
      // A client that went away mid-download is no error of ours.
      if (!res.destroyed) throw error;
    });
  });

  router.put(`${ARTIFACTS_API}/artifacts/*`, async (req, res) => {
    const artifactPath = pathParam(req);
    await authorize(req, artifactPath, 'write');
    await store.put(artifactPath, uploadBody(req, maxUploadBytes));
    res.json({});
  });

  router.delete(`${ARTIFACTS_API}/artifacts/*`, async (req, res) => {
    const artifactPath = pathParam(req);
    await authorize(req, artifactPath, 'write');
    await store.delete(artifactPath);
    res.json({});
  });

  addMultipartRoutes(router, ARTIFACTS_API, {
    store,
    authorize,
    maxUploadBytes,
    externalBaseUrl: options.externalBaseUrl,
  });
  addRunArtifactsRoute(router, TRACKING_API, options);

  router.use(mlflowErrors);
  return router;
}
