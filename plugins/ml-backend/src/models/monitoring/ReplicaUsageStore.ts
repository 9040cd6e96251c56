import { Knex } from 'knex';

/** What one model replica used at one time. */
export interface ReplicaUsageRow {
  modelId: string;
  deploymentId: string;
  workloadId: string;
  replica: number;
  atMs: number;
  cpu: number;
  memoryMiB: number;
}

type DbRow = {
  model_id: string;
  deployment_id: string;
  workload_id: string;
  replica: number;
  at_ms: number | string;
  cpu: number;
  memory_mib: number;
};

/** Periodic CPU and memory samples of model replicas. */
export class ReplicaUsageStore {
  constructor(private readonly db: Knex) {}

  async insert(samples: ReplicaUsageRow[]): Promise<void> {
    if (samples.length === 0) return;
    await this.db.batchInsert(
      'model_replica_usage',
      samples.map(s => ({
        model_id: s.modelId,
        deployment_id: s.deploymentId,
        workload_id: s.workloadId,
        replica: s.replica,
        at_ms: s.atMs,
        cpu: s.cpu,
        memory_mib: s.memoryMiB,
      })),
      500,
    );
  }

  async list(filter: {
    modelId: string;
    deploymentId?: string;
    fromMs: number;
    toMs: number;
  }): Promise<ReplicaUsageRow[]> {
    const q = this.db<DbRow>('model_replica_usage')
      .where({ model_id: filter.modelId })
      .andWhere('at_ms', '>=', filter.fromMs)
      .andWhere('at_ms', '<', filter.toMs)
      .orderBy([{ column: 'at_ms' }, { column: 'replica' }]);
    if (filter.deploymentId) q.andWhere({ deployment_id: filter.deploymentId });
    const rows: DbRow[] = await q;
    return rows.map(r => ({
      modelId: r.model_id,
      deploymentId: r.deployment_id,
      workloadId: r.workload_id,
      replica: r.replica,
      atMs: Number(r.at_ms),
      cpu: r.cpu,
      memoryMiB: r.memory_mib,
    }));
  }
}
