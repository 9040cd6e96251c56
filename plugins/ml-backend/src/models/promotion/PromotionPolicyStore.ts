import { Knex } from 'knex';
import { PromotionPolicy } from '@ml-platform/plugin-ml-common';

type PromotionPolicyRow = {
  model_id: string;
  enabled: boolean | number;
  metric: string;
  source: string;
  better: string;
  margin: number | string;
  updated_by: string;
  updated_at: number | string;
};

/** What a policy says, without who set it when. */
export type PromotionPolicyFields = Pick<
  PromotionPolicy,
  'enabled' | 'metric' | 'source' | 'better' | 'margin'
>;

function toPolicy(row: PromotionPolicyRow): PromotionPolicy {
  return {
    modelId: row.model_id,
    enabled: Boolean(row.enabled),
    metric: row.metric,
    source: row.source as PromotionPolicy['source'],
    better: row.better as PromotionPolicy['better'],
    // Postgres hands doubles and bigints back as strings.
    margin: Number(row.margin),
    updatedBy: row.updated_by,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

/** Per model: when a job's candidate may replace the active deployment. */
export class PromotionPolicyStore {
  constructor(private readonly db: Knex) {}

  async get(modelId: string): Promise<PromotionPolicy | undefined> {
    const row = await this.db<PromotionPolicyRow>('model_promotion_policies')
      .where({ model_id: modelId })
      .first();
    return row && toPolicy(row);
  }

  /** Sets the model's policy, replacing the one it had. */
  async put(
    modelId: string,
    policy: PromotionPolicyFields,
    actor: string,
    atMs: number = Date.now(),
  ): Promise<PromotionPolicy> {
    const row: PromotionPolicyRow = {
      model_id: modelId,
      enabled: policy.enabled,
      metric: policy.metric,
      source: policy.source,
      better: policy.better,
      margin: policy.margin,
      updated_by: actor,
      updated_at: atMs,
    };
    await this.db<PromotionPolicyRow>('model_promotion_policies')
      .insert(row)
      .onConflict('model_id')
      .merge();
    return toPolicy(row);
  }

  /** Whether the model had a policy. */
  async delete(modelId: string): Promise<boolean> {
    const removed = await this.db<PromotionPolicyRow>(
      'model_promotion_policies',
    )
      .where({ model_id: modelId })
      .delete();
    return removed > 0;
  }
}
