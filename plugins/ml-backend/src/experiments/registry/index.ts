/**
 * MLflow's model registry in the tracking server: registered models, their
 * versions, tags, aliases and stages.
 */
export { createRegistry } from './createRegistry';
export type { Registry } from './createRegistry';
export { RegistryService } from './RegistryService';
export type { ResolvedModelVersion } from './RegistryService';
export { ModelVersionService } from './ModelVersionService';
export { RegisteredModelStore } from './RegisteredModelStore';
export { registryRoutes } from './registryRoutes';
export type {
  ModelStage,
  ModelVersion,
  RegisteredModel,
  RegisteredModelAlias,
} from './types';
