import { ComputeDriver } from '@ml-platform/plugin-ml-node';
import { WorkloadStore } from '../../database';
import { ReplicaUsageRow, ReplicaUsageStore } from './ReplicaUsageStore';

/**
 * Samples what each running model replica uses (the drivers' `observe()`
 * usage) into the usage table, for the monitoring charts. Replicas carry
 * their model, deployment and index in their environment.
 */
export class ReplicaUsageSampler {
  constructor(
    private readonly deps: {
      workloads: Pick<WorkloadStore, 'listByStates'>;
      drivers: () => ComputeDriver[];
      store: ReplicaUsageStore;
      now?: () => number;
    },
  ) {}

  async sample(): Promise<number> {
    const replicas = (
      await this.deps.workloads.listByStates(['running'])
    ).filter(
      w => w.kind === 'model' && w.env.ML_MODEL_ID && w.env.ML_DEPLOYMENT_ID,
    );
    if (replicas.length === 0) return 0;
    const usage = new Map<string, { cpu: number; memoryMiB: number }>();
    for (const driver of this.deps.drivers()) {
      for (const o of await driver.observe()) {
        if (o.usage) usage.set(`${o.workloadId}#${o.attempt}`, o.usage);
      }
    }
    const atMs = this.deps.now ? this.deps.now() : Date.now();
    const rows: ReplicaUsageRow[] = [];
    for (const w of replicas) {
      const used = usage.get(`${w.id}#${w.attempt}`);
      if (!used) continue;
      rows.push({
        modelId: w.env.ML_MODEL_ID,
        deploymentId: w.env.ML_DEPLOYMENT_ID,
        workloadId: w.id,
        replica: Number(w.env.ML_REPLICA_INDEX ?? 0),
        atMs,
        cpu: used.cpu,
        memoryMiB: used.memoryMiB,
      });
    }
    await this.deps.store.insert(rows);
    return rows.length;
  }
}
