import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Model,
  ModelEvent,
  ModelMonitor,
  MonitorEvaluation,
  createModelMonitorSchema,
  updateModelMonitorSchema,
} from '@ml-platform/plugin-ml-common';
import { v4 as uuid } from 'uuid';
import { z } from 'zod';
import { ModelEventStore } from '../events/ModelEventStore';
import { findProjectModel } from '../modelLookup';
import { ModelStore } from '../ModelStore';
import { MonitorEvaluationStore } from './MonitorEvaluationStore';
import {
  MonitorChanges,
  MonitorStore,
  StoredMonitor,
  presentMonitor,
} from './MonitorStore';

export type MonitorInput = z.output<typeof createModelMonitorSchema>;
export type MonitorUpdate = z.output<typeof updateModelMonitorSchema>;

/** A page of a list, as the routes page it. */
export interface Paged<T> {
  items: T[];
  totalSize: number;
  nextOffset?: number;
}

const paged = <T>(
  result: { items: T[]; totalSize: number },
  offset: number,
): Paged<T> => {
  const next = offset + result.items.length;
  return {
    ...result,
    nextOffset:
      result.items.length > 0 && next < result.totalSize ? next : undefined,
  };
};

/** The fields whose change starts a monitor over. */
const RESTARTING: Array<keyof MonitorUpdate> = [
  'metric',
  'windowSeconds',
  'threshold',
];

const nameTaken = (name: string) =>
  new ConflictError(`The model already has a monitor named '${name}'`);

/** Monitors of a model, their evaluations and the model's history, for the API. */
export class MonitorService {
  constructor(
    private readonly deps: {
      models: ModelStore;
      monitors: MonitorStore;
      evaluations: MonitorEvaluationStore;
      events: ModelEventStore;
      /** The project's jobs a monitor may start (404 when not one). */
      jobs: { get(projectId: string, jobId: string): Promise<unknown> };
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  private model(projectId: string, modelIdOrName: string): Promise<Model> {
    return findProjectModel(this.deps.models, projectId, modelIdOrName);
  }

  private async monitor(
    projectId: string,
    modelIdOrName: string,
    monitorId: string,
  ): Promise<StoredMonitor> {
    const model = await this.model(projectId, modelIdOrName);
    const monitor = await this.deps.monitors.get(monitorId);
    if (!monitor || monitor.modelId !== model.id) {
      throw new NotFoundError(
        `No monitor with id '${monitorId}' of model '${model.name}'`,
      );
    }
    return monitor;
  }

  /** 400 unless the job is one of the project's. */
  private async checkJob(projectId: string, jobId: string): Promise<void> {
    try {
      await this.deps.jobs.get(projectId, jobId);
    } catch (error) {
      if ((error as Error)?.name === NotFoundError.name) {
        throw new InputError(
          `Invalid request body: triggerJobId: no job with id '${jobId}' in this project`,
        );
      }
      throw error;
    }
  }

  async list(
    projectId: string,
    modelIdOrName: string,
  ): Promise<ModelMonitor[]> {
    const model = await this.model(projectId, modelIdOrName);
    const monitors = await this.deps.monitors.listByModel(model.id);
    return monitors.map(presentMonitor);
  }

  async get(
    projectId: string,
    modelIdOrName: string,
    monitorId: string,
  ): Promise<ModelMonitor> {
    return presentMonitor(
      await this.monitor(projectId, modelIdOrName, monitorId),
    );
  }

  async create(
    projectId: string,
    modelIdOrName: string,
    input: MonitorInput,
    actor: string,
  ): Promise<ModelMonitor> {
    const model = await this.model(projectId, modelIdOrName);
    if (input.triggerJobId) await this.checkJob(projectId, input.triggerJobId);
    const created = await this.deps.monitors.create({
      id: uuid(),
      projectId,
      modelId: model.id,
      name: input.name,
      metric: input.metric,
      windowSeconds: input.windowSeconds,
      threshold: input.threshold,
      direction: input.direction,
      minSamples: input.minSamples,
      cooldownSeconds: input.cooldownSeconds,
      triggerJobId: input.triggerJobId,
      enabled: input.enabled,
      createdBy: actor,
      atMs: this.now(),
    });
    if (!created) throw nameTaken(input.name);
    return presentMonitor(created);
  }

  async update(
    projectId: string,
    modelIdOrName: string,
    monitorId: string,
    changes: MonitorUpdate,
  ): Promise<ModelMonitor> {
    const monitor = await this.monitor(projectId, modelIdOrName, monitorId);
    if (changes.triggerJobId) {
      await this.checkJob(projectId, changes.triggerJobId);
    }
    const restart = RESTARTING.some(
      field =>
        changes[field] !== undefined &&
        JSON.stringify(changes[field]) !==
          JSON.stringify(monitor[field as keyof StoredMonitor]),
    );
    const updated = await this.deps.monitors.update(
      monitor.id,
      changes as MonitorChanges,
      { atMs: this.now(), restart },
    );
    if (!updated) throw nameTaken(changes.name ?? monitor.name);
    return presentMonitor(updated);
  }

  async delete(
    projectId: string,
    modelIdOrName: string,
    monitorId: string,
  ): Promise<void> {
    const monitor = await this.monitor(projectId, modelIdOrName, monitorId);
    await this.deps.monitors.delete(monitor.id);
  }

  async evaluations(
    projectId: string,
    modelIdOrName: string,
    monitorId: string,
    page: { limit: number; offset: number },
  ): Promise<Paged<MonitorEvaluation>> {
    const monitor = await this.monitor(projectId, modelIdOrName, monitorId);
    return paged(
      await this.deps.evaluations.list(monitor.id, page),
      page.offset,
    );
  }

  async events(
    projectId: string,
    modelIdOrName: string,
    page: { limit: number; offset: number },
  ): Promise<Paged<ModelEvent>> {
    const model = await this.model(projectId, modelIdOrName);
    return paged(await this.deps.events.list(model.id, page), page.offset);
  }
}
