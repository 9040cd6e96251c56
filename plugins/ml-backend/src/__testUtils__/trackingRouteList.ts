import { mockServices } from '@backstage/backend-test-utils';
import { createTrackingFeature } from '../experiments/createTrackingFeature';

function routesOf(router: any, out: string[]): string[] {
  for (const layer of router.stack) {
    if (layer.route) {
      const paths: string[] = [layer.route.path].flat();
      for (const [method, enabled] of Object.entries(layer.route.methods)) {
        if (!enabled) continue;
        for (const path of paths) out.push(`${method.toUpperCase()} ${path}`);
      }
    } else if (Array.isArray(layer.handle?.stack)) {
      routesOf(layer.handle, out);
    }
  }
  return out;
}

/**
 * Every route of the tracking router (MLflow's API and its artifacts), as
 * `METHOD /path`, for tests that must cover each of them (the MLflow
 * access matrix). Built with placeholder parts: no handler runs.
 */
export function listTrackingRoutes(): string[] {
  const feature = createTrackingFeature({
    db: {} as any,
    search: {} as any,
    storageRoot: '/nonexistent',
  });
  const router = feature.router({
    access: {} as any,
    tokens: {} as any,
    workloadStore: {} as any,
    projectStore: {} as any,
    logger: mockServices.logger.mock(),
  });
  return [...new Set(routesOf(router, []))].sort();
}
