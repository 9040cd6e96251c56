import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { ML_CHANGES_TOPIC, MlChangeEvent } from '@ml-platform/plugin-ml-common';
import { RequestHandler } from 'express';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Requests that are traffic rather than changes to the platform's objects:
 * predictions (CML's `/model` and `…/predict`), calls of workloads (SDK
 * metrics) and applications behind the proxy. They can come hundreds a
 * second; announcing each would only make the catalog re-read for nothing.
 */
function isTraffic(path: string): boolean {
  return (
    path === '/model' ||
    path.endsWith('/predict') ||
    path.startsWith('/workload-api/') ||
    path.startsWith('/apps/')
  );
}

/**
 * Announces each successful (2xx) write to the ML API on the `ml.changes`
 * topic of the events service, with its method and path, once the response
 * is sent; the catalog's ML entity provider refreshes what it concerns. A
 * failed publish is logged and changes nothing for the caller. `onChange`
 * hears each such write too (the live state signals of its project).
 */
export function createChangeEventsMiddleware(deps: {
  events: Pick<EventsService, 'publish'>;
  logger: LoggerService;
  onChange?: (change: MlChangeEvent) => void;
}): RequestHandler {
  const { events, logger, onChange } = deps;
  return (req, res, next) => {
    // The path as the router sees it now: sub-routers rewrite req.url later.
    const path = req.path;
    if (READS.has(req.method) || isTraffic(path)) {
      next();
      return;
    }
    const method = req.method;
    res.once('finish', () => {
      if (res.statusCode < 200 || res.statusCode >= 300) {
        return;
      }
      const eventPayload: MlChangeEvent = { method, path };
      onChange?.(eventPayload);
      events
        .publish({ topic: ML_CHANGES_TOPIC, eventPayload })
        .catch(error =>
          logger.warn(
            `Could not announce ${method} ${path} on ${ML_CHANGES_TOPIC}: ${error}`,
          ),
        );
    });
    next();
  };
}
