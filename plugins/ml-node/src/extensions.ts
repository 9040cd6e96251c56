import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ComputeDriver } from './ComputeDriver';

/**
 * Lets backend modules add compute drivers (such as Kubernetes) to the ML
 * backend. A workspace may only name a driver that has been added.
 *
 * @public
 */
export interface MlComputeDriverExtensionPoint {
  addDriver(driver: ComputeDriver): void;
}

/** @public */
export const mlComputeDriverExtensionPoint =
  createExtensionPoint<MlComputeDriverExtensionPoint>({
    id: 'ml.compute-driver',
  });
