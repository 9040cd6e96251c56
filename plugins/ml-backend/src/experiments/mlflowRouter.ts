import { LoggerService } from '@backstage/backend-plugin-api';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { MlflowError } from './MlflowError';
import {
  JsonText,
  lenientJsonBody,
  mlflowErrorHandler,
  parseRequest,
} from './mlflowHttp';
import { TrackingAccess, TrackingCaller } from './TrackingAccess';

/** Where MLflow clients find the API: `MLFLOW_TRACKING_URI` is `<api>/mlflow`. */
export const MLFLOW_BASE = '/mlflow/api/2.0/mlflow';

/** MLflow's batch request limit (1 MB); other messages are far smaller. */
const MAX_BODY = '1mb';

/**
 * Registers one endpoint of MLflow's API (`path` below `MLFLOW_BASE`) for
 * the methods given: the caller is authenticated, then the request message
 * parsed from the query (GET) or the JSON body (POST; PATCH and DELETE
 * take the query when they have no body), then handled.
 */
export type MlflowRoute = <S extends z.ZodTypeAny>(
  methods: Array<MlflowMethod>,
  path: string,
  schema: S,
  handle: (caller: TrackingCaller, input: z.infer<S>) => Promise<unknown>,
) => void;

/** The HTTP methods MLflow's endpoints use (`method:` in the protos). */
export type MlflowMethod = 'get' | 'post' | 'patch' | 'delete';

/** A feature's endpoints, registered through the route it is given. */
export type MlflowRoutes = (route: MlflowRoute) => void;

/**
 * MLflow's REST API 2.0 (`service.proto`, `model_registry.proto`). Every success is a 200 with the response
 * message (`{}` when it has no fields), every failure MLflow's
 * `{error_code, message}`.
 */
export function createMlflowRouter(options: {
  access: TrackingAccess;
  logger: LoggerService;
  /** Each feature's endpoints (tracking, registry). */
  routes: MlflowRoutes[];
  /** Mounted ahead of the endpoints: the artifact routes. */
  artifacts?: express.Router;
}): express.Router {
  const { access } = options;
  const router = Router();
  // Artifacts first: their uploads are streamed, not parsed.
  if (options.artifacts) router.use(options.artifacts);
  router.use(MLFLOW_BASE, lenientJsonBody(MAX_BODY));

  const route: MlflowRoute = (methods, path, schema, handle) => {
    for (const method of methods) {
      router[method](`${MLFLOW_BASE}/${path}`, async (req: Request, res) => {
        const caller = await access.caller(req);
        const input = parseRequest(schema, requestMessage(method, req));
        const answer = (await handle(caller, input)) ?? {};
        if (answer instanceof JsonText) {
          // As written; no ETag: the content is new on every call.
          res.status(200).type('application/json').end(answer.text);
        } else {
          res.status(200).json(answer);
        }
      });
    }
  };
  for (const routes of options.routes) routes(route);

  router.use('/mlflow', (req, _res, next) =>
    next(
      new MlflowError(
        'ENDPOINT_NOT_FOUND',
        `The tracking API has no endpoint ${req.method} /mlflow${req.path}`,
      ),
    ),
  );
  router.use('/mlflow', mlflowErrorHandler(options.logger));
  return router;
}

// Some clients send a DELETE's or PATCH's fields in the query string.
function requestMessage(method: MlflowMethod, req: Request): unknown {
  if (method === 'get') return req.query;
  const body = req.body;
  if (method === 'post') return body;
  const empty =
    !body || (typeof body === 'object' && Object.keys(body).length === 0);
  return empty ? req.query : body;
}
