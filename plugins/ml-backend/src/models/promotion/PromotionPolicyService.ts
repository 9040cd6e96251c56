import { NotFoundError } from '@backstage/errors';
import { PromotionPolicy } from '@ml-platform/plugin-ml-common';
import { ModelStore } from '../ModelStore';
import { findProjectModel } from '../modelLookup';
import {
  PromotionPolicyFields,
  PromotionPolicyStore,
} from './PromotionPolicyStore';

/** A model's promotion policy, by the model's id or name in its project. */
export class PromotionPolicyService {
  constructor(
    private readonly deps: {
      models: ModelStore;
      policies: PromotionPolicyStore;
    },
  ) {}

  /** The model's policy; undefined when it has none (unknown model: 404). */
  async get(
    projectId: string,
    modelIdOrName: string,
  ): Promise<PromotionPolicy | undefined> {
    const model = await findProjectModel(
      this.deps.models,
      projectId,
      modelIdOrName,
    );
    return this.deps.policies.get(model.id);
  }

  async put(
    projectId: string,
    modelIdOrName: string,
    policy: PromotionPolicyFields,
    actor: string,
  ): Promise<PromotionPolicy> {
    const model = await findProjectModel(
      this.deps.models,
      projectId,
      modelIdOrName,
    );
    return this.deps.policies.put(model.id, policy, actor);
  }

  async delete(projectId: string, modelIdOrName: string): Promise<void> {
    const model = await findProjectModel(
      this.deps.models,
      projectId,
      modelIdOrName,
    );
    if (!(await this.deps.policies.delete(model.id))) {
      throw new NotFoundError(`Model '${model.name}' has no promotion policy`);
    }
  }
}
