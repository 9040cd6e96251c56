import { Knex } from 'knex';
import { DeploymentState, EnvVars } from '@ml-platform/plugin-ml-common';
import { envFromColumn, envToColumn } from '../../database/envColumn';
import { nowIso } from '../../database/listing';
import {
  IdTableStore,
  fromStampColumns,
  sameColumns,
} from '../../database/rows';

type DeploymentRow = {
  id: string;
  model_id: string;
  build_id: string;
  replicas: number;
  profile: string;
  env: string;
  state: string;
  reason: string | null;
  replaced_at: string | null;
  deployed_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  stopped_at: string | null;
};

/** A deployment as stored; the service adds the build number and replica status. */
export interface StoredDeployment {
  id: string;
  modelId: string;
  buildId: string;
  replicas: number;
  profile: string;
  /** Secrets sealed. */
  env: EnvVars;
  state: DeploymentState;
  reason?: string;
  /** When a newer deployment took its traffic; it stops after the drain period. */
  replacedAt?: string;
  /** When all its replicas were first ready. */
  deployedAt?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  stoppedAt?: string;
}

export interface ReplicaSlot {
  deploymentId: string;
  index: number;
  workloadId: string;
}

export type NewDeployment = Pick<
  StoredDeployment,
  'id' | 'modelId' | 'buildId' | 'replicas' | 'profile' | 'env' | 'createdBy'
>;

/** The columns that hold a field of the deployment as it is. */
const SAME_COLUMNS = sameColumns<DeploymentRow>()(
  ['id', 'model_id', 'build_id', 'replicas', 'profile', 'created_by'],
  ['reason', 'replaced_at', 'deployed_at', 'stopped_at'],
);

function toDeployment(row: DeploymentRow): StoredDeployment {
  return {
    ...SAME_COLUMNS.fromRow(row),
    env: envFromColumn(row.env),
    state: row.state as DeploymentState,
    ...fromStampColumns(row),
  };
}

const LIVE_STATES = ['deploying', 'deployed'];

/** Deployments of models and the workload behind each of their replicas. */
export class ModelDeploymentStore extends IdTableStore<
  DeploymentRow,
  StoredDeployment
> {
  constructor(db: Knex) {
    super(db, 'model_deployments', toDeployment);
  }

  async create(d: NewDeployment): Promise<StoredDeployment> {
    // A new deployment has none of the optional columns (reason, dates) yet.
    return this.insertOne({
      ...SAME_COLUMNS.toRow(d),
      env: envToColumn(d.env),
      state: 'deploying',
    });
  }

  async listByModel(modelId: string): Promise<StoredDeployment[]> {
    const rows = await this.db<DeploymentRow>('model_deployments')
      .where({ model_id: modelId })
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc');
    return rows.map(toDeployment);
  }

  /** Deployments that are deploying or deployed, of every model (or one). */
  async listLive(modelId?: string): Promise<StoredDeployment[]> {
    const rows = await this.db<DeploymentRow>('model_deployments')
      .whereIn('state', LIVE_STATES)
      .modify(q => {
        if (modelId) q.where('model_id', modelId);
      })
      .orderBy('created_at');
    return rows.map(toDeployment);
  }

  /**
   * Moves a deployment from one of `from` to `to`; false, changing nothing,
   * when it was not in `from` (someone else moved it first).
   */
  async transition(
    id: string,
    from: readonly DeploymentState[],
    to: DeploymentState,
    reason?: string,
  ): Promise<boolean> {
    const now = nowIso();
    const updated = await this.db('model_deployments')
      .where({ id })
      .whereIn('state', from as string[])
      .update({
        state: to,
        reason: reason ?? null,
        updated_at: now,
        ...(to === 'stopped' || to === 'failed' ? { stopped_at: now } : {}),
      });
    if (updated === 1 && to === 'deployed') {
      await this.db('model_deployments')
        .where({ id })
        .whereNull('deployed_at')
        .update({ deployed_at: now });
    }
    return updated === 1;
  }

  async setReplicaCount(id: string, replicas: number): Promise<void> {
    await this.db('model_deployments')
      .where({ id })
      .update({ replicas, updated_at: nowIso() });
  }

  async markReplaced(id: string): Promise<void> {
    await this.db('model_deployments')
      .where({ id })
      .whereNull('replaced_at')
      .update({ replaced_at: nowIso() });
  }

  async replicas(deploymentId: string): Promise<ReplicaSlot[]> {
    const rows = await this.db('model_replicas')
      .where({ deployment_id: deploymentId })
      .orderBy('replica_index');
    return rows.map(r => ({
      deploymentId: r.deployment_id,
      index: r.replica_index,
      workloadId: r.workload_id,
    }));
  }

  async addReplica(slot: ReplicaSlot): Promise<void> {
    await this.db('model_replicas').insert({
      deployment_id: slot.deploymentId,
      replica_index: slot.index,
      workload_id: slot.workloadId,
    });
  }

  async removeReplica(deploymentId: string, index: number): Promise<void> {
    await this.db('model_replicas')
      .where({ deployment_id: deploymentId, replica_index: index })
      .delete();
  }

  async findReplicaByWorkload(
    workloadId: string,
  ): Promise<ReplicaSlot | undefined> {
    const r = await this.db('model_replicas')
      .where({ workload_id: workloadId })
      .first();
    return (
      r && {
        deploymentId: r.deployment_id,
        index: r.replica_index,
        workloadId: r.workload_id,
      }
    );
  }

  /** Removes a deployment that never started (its first replica was refused). */
  async delete(id: string): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('model_replicas').where({ deployment_id: id }).delete();
      await tx('model_deployments').where({ id }).delete();
    });
  }

  async deleteByModel(modelId: string): Promise<void> {
    await this.db.transaction(async tx => {
      const ids = (
        await tx('model_deployments').where({ model_id: modelId }).select('id')
      ).map(r => r.id);
      if (ids.length)
        await tx('model_replicas').whereIn('deployment_id', ids).delete();
      await tx('model_deployments').where({ model_id: modelId }).delete();
    });
  }
}
