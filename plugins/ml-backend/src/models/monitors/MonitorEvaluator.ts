import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  Model,
  ModelEventKind,
  Project,
  WorkloadTrigger,
} from '@ml-platform/plugin-ml-common';
import { NewModelEvent } from '../events/ModelEventStore';
import { MonitorEvaluationStore } from './MonitorEvaluationStore';
import {
  MonitorReading,
  MonitorSignals,
  MonitorWindow,
} from './MonitorSignals';
import { MonitorStore, StoredMonitor } from './MonitorStore';
import { MonitorDecision, nextMonitorState } from './monitorStateMachine';

/** How the evaluator starts a monitor's job: the path of `POST .../jobs/{jobId}/runs`. */
export interface MonitorJobStarter {
  run(
    projectId: string,
    jobId: string,
    input: { env: Record<string, string> },
    actor: string,
    trigger: WorkloadTrigger,
  ): Promise<{ id: string }>;
}

/** The model's history, as the evaluator writes it. */
export interface MonitorHistory {
  add(event: NewModelEvent): Promise<void>;
}

/** The last complete window of a monitor at `nowMs`, aligned to multiples of its length since the epoch. */
export function lastCompleteWindow(
  windowSeconds: number,
  nowMs: number,
): MonitorWindow {
  const lengthMs = windowSeconds * 1000;
  const endMs = Math.floor(nowMs / lengthMs) * lengthMs;
  return { startMs: endMs - lengthMs, endMs };
}

/** What one tick shares between the monitors it evaluates. */
interface EvaluationContext {
  reading(
    monitor: StoredMonitor,
    window: MonitorWindow,
  ): Promise<MonitorReading>;
  model(id: string): Promise<Model | undefined>;
  project(id: string): Promise<Project>;
}

const EVENT_OF_STATE: Record<MonitorDecision['state'], ModelEventKind> = {
  alerting: 'monitor_alerting',
  ok: 'monitor_ok',
  insufficient_data: 'monitor_insufficient_data',
};

const describeMetric = (m: StoredMonitor) =>
  m.metric.kind === 'drift'
    ? `${m.metric.statistic} drift of ${m.metric.feature}`
    : `${m.metric.name}`;

/** Why the window has the state it has, in a sentence. */
function reason(
  m: StoredMonitor,
  reading: MonitorReading,
  decision: MonitorDecision,
): string {
  const metric = describeMetric(m);
  if (decision.state === 'insufficient_data') {
    return reading.value === undefined
      ? `No value of ${metric} in the window (${reading.samples} samples).`
      : `${reading.samples} samples, fewer than the ${m.minSamples} the monitor needs.`;
  }
  const side =
    decision.state === 'alerting' ? m.direction : `not ${m.direction}`;
  return `${metric} ${reading.value} is ${side} the threshold ${m.threshold} over ${reading.samples} samples.`;
}

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/**
 * Evaluates monitors once per window, on every backend: each enabled
 * monitor whose next window has ended reads its metric over the last
 * complete window, and the backend that inserts the window's evaluation
 * first (the claim) updates the monitor, writes the model's history,
 * notifies the project's owner and starts the job. The others skip it.
 */
export class MonitorEvaluator {
  constructor(
    private readonly deps: {
      monitors: MonitorStore;
      evaluations: MonitorEvaluationStore;
      signals: MonitorSignals;
      history: MonitorHistory;
      models: { get(id: string): Promise<Model | undefined> };
      projects: { get(id: string): Promise<Project> };
      jobs: MonitorJobStarter;
      notifications?: Pick<NotificationService, 'send'>;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  /** Evaluates every monitor that is due; the number of windows this backend claimed. */
  async evaluate(): Promise<number> {
    const nowMs = this.deps.now ? this.deps.now() : Date.now();
    // One read of every monitor; models and projects only for the few that
    // change state or start a job, each once per tick.
    const monitors = await this.deps.monitors.listEnabled();
    const models = new Map<string, Promise<Model | undefined>>();
    const projects = new Map<string, Promise<Project>>();
    // Monitors of one model that watch the same metric over the same window
    // (thresholds or jobs apart) read it once a tick.
    const readings = new Map<string, Promise<MonitorReading>>();
    const context: EvaluationContext = {
      reading: (monitor: StoredMonitor, window: MonitorWindow) => {
        const key = JSON.stringify([
          monitor.modelId,
          monitor.metric,
          window.startMs,
          window.endMs,
        ]);
        if (!readings.has(key)) {
          readings.set(
            key,
            this.deps.signals.read(
              { projectId: monitor.projectId, modelId: monitor.modelId },
              monitor.metric,
              window,
            ),
          );
        }
        return readings.get(key)!;
      },
      model: (id: string) => {
        if (!models.has(id)) models.set(id, this.deps.models.get(id));
        return models.get(id)!;
      },
      project: (id: string) => {
        if (!projects.has(id)) projects.set(id, this.deps.projects.get(id));
        return projects.get(id)!;
      },
    };
    let claimed = 0;
    for (const monitor of monitors) {
      const window = lastCompleteWindow(monitor.windowSeconds, nowMs);
      if (
        monitor.lastWindowEndMs !== undefined &&
        monitor.lastWindowEndMs >= window.endMs
      ) {
        continue;
      }
      try {
        if (await this.evaluateWindow(monitor, window, nowMs, context)) {
          claimed += 1;
        }
      } catch (error) {
        this.deps.logger.warn(
          `Monitor ${monitor.id} was not evaluated: ${messageOf(error)}`,
        );
      }
    }
    return claimed;
  }

  private async evaluateWindow(
    monitor: StoredMonitor,
    window: MonitorWindow,
    nowMs: number,
    context: EvaluationContext,
  ): Promise<boolean> {
    const reading = await context.reading(monitor, window);
    const decision = nextMonitorState(monitor, reading, nowMs);
    const why = reason(monitor, reading, decision);
    const won = await this.deps.evaluations.claim({
      monitorId: monitor.id,
      windowStartMs: window.startMs,
      windowEndMs: window.endMs,
      value: reading.value,
      samples: reading.samples,
      state: decision.state,
      transition: decision.transition,
      detail: why,
      evaluatedAtMs: nowMs,
    });
    if (!won) return false;

    const notes = [why];
    let runId: string | undefined;
    if (decision.state === 'alerting' && monitor.triggerJobId) {
      if (decision.trigger) {
        try {
          runId = await this.startJob(monitor, window, reading, context);
          notes.push(`Started run ${runId} of job ${monitor.triggerJobId}.`);
        } catch (error) {
          this.deps.logger.warn(
            `Monitor ${monitor.id} could not start job ${
              monitor.triggerJobId
            }: ${messageOf(error)}`,
          );
          notes.push(`No job was started: ${messageOf(error)}`);
        }
      } else {
        notes.push(
          `No job was started: within the cooldown of ${monitor.cooldownSeconds} seconds since the last start.`,
        );
      }
    }
    await this.deps.monitors.recordOutcome(monitor.id, {
      state: decision.state,
      stateSinceMs: decision.transition ? nowMs : undefined,
      value: reading.value,
      samples: reading.samples,
      windowEndMs: window.endMs,
      triggeredAtMs: runId ? nowMs : undefined,
    });

    const model = await context.model(monitor.modelId);
    const modelName = model?.name ?? monitor.modelId;
    if (decision.transition) {
      await this.deps.history.add({
        projectId: monitor.projectId,
        modelId: monitor.modelId,
        kind: EVENT_OF_STATE[decision.state],
        message: `Monitor ${monitor.name} is ${decision.state.replace(
          '_',
          ' ',
        )}: ${why}`,
        details: {
          monitorId: monitor.id,
          metric: monitor.metric,
          ...(reading.value !== undefined ? { value: reading.value } : {}),
          samples: reading.samples,
          threshold: monitor.threshold,
          windowStart: new Date(window.startMs).toISOString(),
          windowEnd: new Date(window.endMs).toISOString(),
        },
        atMs: nowMs,
      });
      try {
        await this.notify(monitor, modelName, decision, why, context);
      } catch (error) {
        this.deps.logger.warn(
          `Monitor ${monitor.id} could not notify: ${messageOf(error)}`,
        );
        notes.push(`The owner was not notified: ${messageOf(error)}`);
      }
    }
    if (runId) {
      await this.deps.history.add({
        projectId: monitor.projectId,
        modelId: monitor.modelId,
        kind: 'retrain_started',
        message: `Monitor ${monitor.name} started a run of its job: ${why}`,
        details: {
          monitorId: monitor.id,
          jobId: monitor.triggerJobId,
          runId,
        },
        atMs: nowMs,
      });
    }
    if (notes.length > 1 || runId) {
      await this.deps.evaluations.complete(monitor.id, window.endMs, {
        triggeredRunId: runId,
        detail: notes.join(' '),
      });
    }
    return true;
  }

  private async startJob(
    monitor: StoredMonitor,
    window: MonitorWindow,
    reading: MonitorReading,
    context: {
      model(id: string): Promise<Model | undefined>;
      project(id: string): Promise<Project>;
    },
  ): Promise<string> {
    const project = await context.project(monitor.projectId);
    const model = await context.model(monitor.modelId);
    const run = await this.deps.jobs.run(
      monitor.projectId,
      monitor.triggerJobId!,
      {
        env: {
          ML_MONITOR_ID: monitor.id,
          ML_MONITOR_NAME: monitor.name,
          ML_MONITOR_METRIC: JSON.stringify(monitor.metric),
          ML_MONITOR_VALUE: String(reading.value),
          ML_MONITOR_THRESHOLD: String(monitor.threshold),
          ML_MONITOR_WINDOW_START: new Date(window.startMs).toISOString(),
          ML_MONITOR_WINDOW_END: new Date(window.endMs).toISOString(),
          ML_MODEL_ID: monitor.modelId,
          ML_MODEL_NAME: model?.name ?? '',
        },
      },
      // On behalf of the project's owner, like a scheduled run.
      project.owner,
      'api',
    );
    return run.id;
  }

  private async notify(
    monitor: StoredMonitor,
    modelName: string,
    decision: MonitorDecision,
    why: string,
    context: { project(id: string): Promise<Project> },
  ): Promise<void> {
    const { notifications } = this.deps;
    if (!notifications) return;
    const project = await context.project(monitor.projectId);
    await notifications.send({
      recipients: { type: 'entity', entityRef: project.owner },
      payload: {
        title: `Monitor ${
          monitor.name
        } of model ${modelName} is ${decision.state.replace('_', ' ')}`,
        description: why,
        link: `/ml/projects/${monitor.projectId}/models/${monitor.modelId}/monitors`,
        severity: decision.state === 'alerting' ? 'high' : 'normal',
        topic: 'ml-platform',
        // One notification per monitor, updated on each change of state.
        scope: `ml-monitor:${monitor.id}`,
      },
    });
  }
}
