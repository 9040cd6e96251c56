import { InputError } from '@backstage/errors';
import express, { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { RequestAccess } from '../../access/RequestAccess';
import { parseInput } from '../../http/validation';
import { PayloadTooLargeError } from './errors';
import { refuseAccessKeyInQuery } from './queryAccessKey';
import { ModelGateway, PredictionCredential } from './ModelGateway';

/** CML's request shape for `POST /model`. */
const cmlBody = z.object({
  accessKey: z.string().min(1).max(200).optional(),
  request: z.unknown(),
});

const predictParams = z.object({
  projectId: z.string().uuid(),
  modelId: z.string().min(1).max(100),
});
// Access keys come as a Bearer token only (never in the query string).
const predictQuery = z.object({}).strict();

/** Access keys are told apart from Backstage tokens by this prefix. */
const ACCESS_KEY_PREFIX = 'mk_';

/** Reads the whole body, refusing more than `limit` bytes. */
function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    return Promise.reject(
      new PayloadTooLargeError(
        `The request body is ${declared} bytes; the limit is ${limit}`,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(
          new PayloadTooLargeError(
            `The request body is over the limit of ${limit} bytes`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) {
    throw new InputError('The request body is empty; send JSON');
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new InputError(
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ')
    ? header.slice(7).trim() || undefined
    : undefined;
}

function send(res: Response, json: string) {
  // Written directly, in one write with its headers: no ETag hashing, no
  // chunked encoding.
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

// The checks zod makes, for the hot path; on a miss zod runs and names the field.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function pathParams(req: Request): { projectId: string; modelId: string } {
  const { projectId, modelId } = req.params;
  const plain =
    modelId.length > 0 && modelId.length <= 100 && !modelId.includes('\0');
  if (UUID.test(projectId) && plain) {
    return { projectId, modelId };
  }
  return parseInput(predictParams, req.params, 'path');
}

function checkQuery(req: Request): void {
  // Most calls have no query string: skip its validation.
  if (req.url.includes('?')) parseInput(predictQuery, req.query, 'query');
}

/** Plain express handlers (no promise wrapper on the hot path): errors go to `next`. */
const handle =
  (fn: (req: Request, res: Response) => Promise<void>) =>
  (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };

/**
 * The two prediction endpoints. They read their own bodies (up to
 * `maxBodyBytes`), so they are mounted before the router's JSON parser, and
 * are open to callers without a Backstage token (see plugin.ts): the model's
 * access key is the credential.
 */
export function createServingRouter(deps: {
  gateway: ModelGateway;
  access: RequestAccess;
  maxBodyBytes: number;
}): express.Router {
  const { gateway, access, maxBodyBytes } = deps;
  const router = express.Router();

  // CML: {"accessKey": "...", "request": {...}}; the key may also come as a Bearer token.
  router.post(
    '/model',
    handle(async (req, res) => {
      refuseAccessKeyInQuery(req);
      const body = parseInput(
        cmlBody,
        parseJson(await readBody(req, maxBodyBytes)),
        'body',
        // The request is the model's input, passed on and never stored.
        { allowNul: true },
      );
      const token = bearer(req);
      const target = await gateway.targetByAccessKey(
        body.accessKey ??
          (token?.startsWith(ACCESS_KEY_PREFIX) ? token : undefined),
      );
      const request = Buffer.from(JSON.stringify(body.request ?? null));
      send(res, await gateway.predict(target, request, body.request));
    }),
  );

  // The body is the request itself, forwarded as sent; the key is a Bearer token.
  router.post(
    '/projects/:projectId/models/:modelId/predict',
    handle(async (req, res) => {
      refuseAccessKeyInQuery(req);
      const { projectId, modelId } = pathParams(req);
      checkQuery(req);
      const body = await readBody(req, maxBodyBytes);
      const parsed = parseJson(body);
      const token = bearer(req);
      let credential: PredictionCredential;
      if (token?.startsWith(ACCESS_KEY_PREFIX))
        credential = { accessKey: token };
      else if (token) {
        // A portal user (the model page's Test panel): readers of the project may call it.
        credential = { authenticate: () => access.readProject(req, projectId) };
      }
      const target = await gateway.targetById(projectId, modelId, credential);
      send(res, await gateway.predict(target, body, parsed));
    }),
  );

  return router;
}
