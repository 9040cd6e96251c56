import { Model } from '@ml-platform/plugin-ml-common';
import { ModelStore } from '../ModelStore';
import { ProjectStore } from '../../database';
import { ModelAccessKeyService } from '../keys/ModelAccessKeyService';
import { ModelDirectory, ServingTarget } from './ModelDirectory';
import { ReplicaReadiness } from '../deployments/ReplicaReadiness';

/** Changes made by other backends (a model's settings, its active deployment) show after at most this long. */
const TARGET_CACHE_MS = 5_000;
const MAX_CACHED = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ModelDirectory of this backend: models from the database, ready
 * replicas from ReplicaReadiness, both cached in memory and dropped from the
 * cache whenever this backend changes them.
 */
export class ServingDirectory implements ModelDirectory {
  private readonly targets = new Map<
    string,
    { target?: ServingTarget; until: number }
  >();
  private readonly names = new Map<
    string,
    { modelId?: string; until: number }
  >();

  constructor(
    private readonly deps: {
      models: ModelStore;
      projects: ProjectStore;
      readiness: ReplicaReadiness;
      keys: ModelAccessKeyService;
      now?: () => number;
    },
  ) {
    deps.readiness.onChange(modelId => this.targets.delete(modelId));
    deps.keys.onRevoke(modelId => deps.readiness.emit(modelId));
  }

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** Says a model's serving target changed (settings, active deployment, deletion). */
  changed(modelId: string) {
    this.targets.delete(modelId);
    for (const [key, entry] of this.names) {
      if (entry.modelId === modelId || entry.modelId === undefined)
        this.names.delete(key);
    }
    this.deps.readiness.emit(modelId);
  }

  onChange(listener: (modelId: string) => void): () => void {
    return this.deps.readiness.onChange(listener);
  }

  async byId(
    projectId: string,
    modelIdOrName: string,
  ): Promise<ServingTarget | undefined> {
    const modelId = await this.resolveName(projectId, modelIdOrName);
    if (!modelId) return undefined;
    const target = await this.target(modelId);
    return target?.projectId === projectId ? target : undefined;
  }

  async byAccessKey(key: string): Promise<ServingTarget | undefined> {
    const modelId = await this.deps.keys.modelOf(key);
    return modelId ? this.target(modelId) : undefined;
  }

  async keyIsValidFor(modelId: string, key: string): Promise<boolean> {
    return (await this.deps.keys.modelOf(key)) === modelId;
  }

  private async resolveName(
    projectId: string,
    idOrName: string,
  ): Promise<string | undefined> {
    if (UUID.test(idOrName)) return idOrName.toLowerCase();
    const cacheKey = `${projectId}/${idOrName}`;
    const now = this.now();
    const cached = this.names.get(cacheKey);
    if (cached && cached.until >= now) return cached.modelId;
    const model = await this.deps.models.findByName(projectId, idOrName);
    if (this.names.size >= MAX_CACHED) this.names.clear();
    this.names.set(cacheKey, {
      modelId: model?.id,
      until: now + TARGET_CACHE_MS,
    });
    return model?.id;
  }

  private async target(modelId: string): Promise<ServingTarget | undefined> {
    const now = this.now();
    const cached = this.targets.get(modelId);
    if (cached && cached.until >= now) return this.withReplicas(cached.target);
    const model = await this.deps.models.get(modelId);
    const target = model ? await this.describe(model) : undefined;
    if (this.targets.size >= MAX_CACHED) this.targets.clear();
    this.targets.set(modelId, { target, until: now + TARGET_CACHE_MS });
    return this.withReplicas(target);
  }

  private async describe(model: Model): Promise<ServingTarget> {
    const project = await this.deps.projects.get(model.projectId);
    return {
      modelId: model.id,
      modelName: model.name,
      projectId: model.projectId,
      projectName: project?.name ?? '',
      disableAuthentication: model.disableAuthentication,
      deploymentId: model.activeDeploymentId,
      replicas: [],
    };
  }

  /** Replicas come from readiness on every call: they change more often than the rest. */
  private withReplicas(
    target: ServingTarget | undefined,
  ): ServingTarget | undefined {
    if (!target) return undefined;
    return {
      ...target,
      replicas: target.deploymentId
        ? this.deps.readiness.ready(target.deploymentId)
        : [],
    };
  }
}
