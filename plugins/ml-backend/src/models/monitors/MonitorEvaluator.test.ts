import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { MonitorMetric, Project } from '@ml-platform/plugin-ml-common';
import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { migratedDatabaseForAll } from '../../__testUtils__/migratedDatabase';
import { ModelEventStore } from '../events/ModelEventStore';
import { ModelStore } from '../ModelStore';
import { MonitorEvaluationStore } from './MonitorEvaluationStore';
import { MonitorEvaluator, lastCompleteWindow } from './MonitorEvaluator';
import { MonitorReading, MonitorSignals } from './MonitorSignals';
import { MonitorStore, NewMonitor } from './MonitorStore';
import {
  AT,
  MODEL,
  PROJECT,
  id,
  insertModel,
} from './__testUtils__/monitorRows';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const HOUR = 3_600_000;
// A window boundary, so that windows are easy to name.
const START = Math.floor(AT / HOUR) * HOUR;
const JOB = id(77);
const OWNER = 'group:default/team-a';

/** Readings by metric name, as a test sets them. */
class FakeSignals implements MonitorSignals {
  readings = new Map<string, MonitorReading>();
  calls: Array<{ metric: MonitorMetric; startMs: number; endMs: number }> = [];

  async read(
    _target: unknown,
    metric: MonitorMetric,
    window: { startMs: number; endMs: number },
  ) {
    this.calls.push({ metric, ...window });
    return this.readings.get(metric.name ?? '') ?? { samples: 0 };
  }
}

describe('lastCompleteWindow', () => {
  it('aligns windows to multiples of their length since the epoch', () => {
    expect(lastCompleteWindow(3600, START + 1)).toEqual({
      startMs: START - HOUR,
      endMs: START,
    });
    expect(lastCompleteWindow(3600, START)).toEqual({
      startMs: START - HOUR,
      endMs: START,
    });
    expect(lastCompleteWindow(60, START + 90_000)).toEqual({
      startMs: START,
      endMs: START + 60_000,
    });
  });
});

describe.each(databases.eachSupportedId())(
  'MonitorEvaluator on %s',
  databaseId => {
    let knex: Knex;
    let monitors: MonitorStore;
    let evaluations: MonitorEvaluationStore;
    let events: ModelEventStore;
    let signals: FakeSignals;
    let now: number;
    let runs: number;
    const jobs = { run: jest.fn() };
    const notifications = { send: jest.fn() };
    const logger = mockServices.logger.mock();

    const evaluator = () =>
      new MonitorEvaluator({
        monitors,
        evaluations,
        signals,
        history: events,
        models: new ModelStore(knex),
        projects: {
          get: async projectId => ({ id: projectId, owner: OWNER } as Project),
        },
        jobs,
        notifications,
        logger,
        now: () => now,
      });

    let serial = 0;
    const addMonitor = async (fields: Partial<NewMonitor> = {}) => {
      serial += 1;
      return (await monitors.create({
        id: id(serial),
        projectId: PROJECT,
        modelId: MODEL,
        name: `monitor-${serial}`,
        metric: {
          kind: 'technical',
          name: `metric-${serial}`,
        } as MonitorMetric,
        windowSeconds: 3600,
        threshold: 0.1,
        direction: 'above',
        minSamples: 10,
        cooldownSeconds: 7200,
        triggerJobId: JOB,
        enabled: true,
        createdBy: 'user:default/a',
        atMs: START,
        ...fields,
      }))!;
    };
    const reading = (monitor: { metric: MonitorMetric }, r: MonitorReading) =>
      signals.readings.set(monitor.metric.name!, r);
    const evaluationsOf = (monitorId: string) =>
      knex('model_monitor_evaluations')
        .where({ monitor_id: monitorId })
        .orderBy('window_end');

    migratedDatabaseForAll(databases, databaseId, async created => {
      knex = created;
      monitors = new MonitorStore(knex);
      evaluations = new MonitorEvaluationStore(knex);
      events = new ModelEventStore(knex);
      await insertModel(knex, MODEL, 'churn');
    });

    beforeEach(async () => {
      await knex('model_monitor_evaluations').delete();
      await knex('model_monitors').delete();
      await knex('model_events').delete();
      signals = new FakeSignals();
      now = START + HOUR + 1000;
      runs = 0;
      jobs.run.mockReset().mockImplementation(async () => {
        runs += 1;
        // A start that takes a while, as a real one does.
        await new Promise(resolve => setTimeout(resolve, 20));
        return { id: id(500 + runs) };
      });
      notifications.send.mockReset().mockResolvedValue(undefined);
    });

    it('reads a metric once a tick for the monitors that watch it over the same window', async () => {
      const metric = { kind: 'technical', name: 'errorRate' } as MonitorMetric;
      const low = await addMonitor({ metric, threshold: 0.1 });
      const high = await addMonitor({ metric, threshold: 0.5 });
      const daily = await addMonitor({ metric, windowSeconds: 86400 });
      signals.readings.set('errorRate', { value: 0.3, samples: 40 });
      now = START + 86400_000 + 1000;

      expect(await evaluator().evaluate()).toBe(3);

      expect(signals.calls).toHaveLength(2);
      expect((await monitors.get(low.id))!.state).toBe('alerting');
      expect((await monitors.get(high.id))!.state).toBe('ok');
      expect((await monitors.get(daily.id))!.state).toBe('alerting');
    });

    it('alerts beyond the threshold: records the window, notifies the owner, starts the job and writes the history', async () => {
      const monitor = await addMonitor();
      reading(monitor, { value: 0.4, samples: 25 });

      expect(await evaluator().evaluate()).toBe(1);

      expect(signals.calls).toEqual([
        { metric: monitor.metric, startMs: START, endMs: START + HOUR },
      ]);
      expect(jobs.run).toHaveBeenCalledTimes(1);
      expect(jobs.run).toHaveBeenCalledWith(
        PROJECT,
        JOB,
        {
          env: {
            ML_MONITOR_ID: monitor.id,
            ML_MONITOR_NAME: monitor.name,
            ML_MONITOR_METRIC: JSON.stringify(monitor.metric),
            ML_MONITOR_VALUE: '0.4',
            ML_MONITOR_THRESHOLD: '0.1',
            ML_MONITOR_WINDOW_START: new Date(START).toISOString(),
            ML_MONITOR_WINDOW_END: new Date(START + HOUR).toISOString(),
            ML_MODEL_ID: MODEL,
            ML_MODEL_NAME: 'churn',
          },
        },
        OWNER,
        'api',
      );
      expect(notifications.send).toHaveBeenCalledTimes(1);
      expect(notifications.send).toHaveBeenCalledWith({
        recipients: { type: 'entity', entityRef: OWNER },
        payload: expect.objectContaining({
          title: `Monitor ${monitor.name} of model churn is alerting`,
          link: `/ml/projects/${PROJECT}/models/${MODEL}/monitors`,
          severity: 'high',
          scope: `ml-monitor:${monitor.id}`,
        }),
      });

      const [row] = await evaluationsOf(monitor.id);
      expect(row).toMatchObject({
        window_start: expect.anything(),
        value: 0.4,
        samples: 25,
        state: 'alerting',
        triggered_run_id: id(501),
      });
      expect(Number(row.window_end)).toBe(START + HOUR);
      expect(Boolean(row.transition)).toBe(true);
      expect(row.detail).toContain(`Started run ${id(501)}`);

      expect(await monitors.get(monitor.id)).toMatchObject({
        state: 'alerting',
        stateSinceMs: now,
        lastValue: 0.4,
        lastSamples: 25,
        lastWindowEndMs: START + HOUR,
        lastTriggeredAtMs: now,
      });
      const history = await events.list(MODEL, { limit: 10, offset: 0 });
      expect(history.items.map(e => e.kind).sort()).toEqual([
        'monitor_alerting',
        'retrain_started',
      ]);
      expect(
        history.items.find(e => e.kind === 'retrain_started')!.details,
      ).toEqual({ monitorId: monitor.id, jobId: JOB, runId: id(501) });

      // The same window again: nothing is read or done.
      expect(await evaluator().evaluate()).toBe(0);
      expect(signals.calls).toHaveLength(1);
      expect(jobs.run).toHaveBeenCalledTimes(1);
    });

    it('within the cooldown keeps alerting without starting the job, and starts it again once the cooldown passed', async () => {
      const monitor = await addMonitor();
      reading(monitor, { value: 0.4, samples: 25 });
      await evaluator().evaluate();

      now += HOUR;
      expect(await evaluator().evaluate()).toBe(1);
      expect(jobs.run).toHaveBeenCalledTimes(1);
      // No change of state: no new notification or event.
      expect(notifications.send).toHaveBeenCalledTimes(1);
      expect(
        (await events.list(MODEL, { limit: 10, offset: 0 })).totalSize,
      ).toBe(2);
      const second = (await evaluationsOf(monitor.id))[1];
      expect(Boolean(second.transition)).toBe(false);
      expect(second.triggered_run_id).toBeNull();
      expect(second.detail).toContain('within the cooldown');

      now += HOUR;
      await evaluator().evaluate();
      expect(jobs.run).toHaveBeenCalledTimes(2);
      expect((await monitors.get(monitor.id))!.lastTriggeredAtMs).toBe(now);
    });

    it('says insufficient_data below minSamples and ok within the threshold, starting nothing', async () => {
      const few = await addMonitor();
      reading(few, { value: 0.9, samples: 9 });
      const fine = await addMonitor({ direction: 'below', threshold: 0.5 });
      reading(fine, { value: 0.6, samples: 10 });
      const idle = await addMonitor();

      expect(await evaluator().evaluate()).toBe(3);

      expect(jobs.run).not.toHaveBeenCalled();
      expect((await monitors.get(few.id))!.state).toBe('insufficient_data');
      expect((await monitors.get(fine.id))!.state).toBe('ok');
      expect((await monitors.get(idle.id))!).toMatchObject({
        state: 'insufficient_data',
        lastSamples: 0,
      });
      expect((await evaluationsOf(few.id))[0].detail).toContain(
        'fewer than the 10',
      );
      const kinds = (await events.list(MODEL, { limit: 10, offset: 0 })).items
        .map(e => e.kind)
        .sort();
      expect(kinds).toEqual([
        'monitor_insufficient_data',
        'monitor_insufficient_data',
        'monitor_ok',
      ]);
      expect(notifications.send).toHaveBeenCalledTimes(3);
    });

    it('skips disabled monitors and evaluates only complete windows', async () => {
      const off = await addMonitor({ enabled: false });
      reading(off, { value: 1, samples: 100 });
      const daily = await addMonitor({ windowSeconds: 86_400 });
      reading(daily, { value: 1, samples: 100 });
      now = Math.floor(now / 86_400_000) * 86_400_000 + 1;
      await evaluator().evaluate();
      expect(await evaluationsOf(off.id)).toEqual([]);
      const [row] = await evaluationsOf(daily.id);
      expect(Number(row.window_end)).toBe(now - 1);
      expect(Number(row.window_start)).toBe(now - 1 - 86_400_000);
    });

    it('logs a failing notification or job start, notes it on the evaluation and goes on', async () => {
      const monitor = await addMonitor();
      reading(monitor, { value: 0.4, samples: 25 });
      const other = await addMonitor();
      reading(other, { value: 0, samples: 25 });
      jobs.run.mockRejectedValue(
        new ConflictError("Job 'retrain' already has an active run"),
      );
      notifications.send.mockRejectedValue(new Error('notifications are down'));

      expect(await evaluator().evaluate()).toBe(2);

      const [row] = await evaluationsOf(monitor.id);
      expect(row.state).toBe('alerting');
      expect(row.triggered_run_id).toBeNull();
      expect(row.detail).toContain(
        "No job was started: Job 'retrain' already has an active run",
      );
      expect(row.detail).toContain(
        'The owner was not notified: notifications are down',
      );
      const stored = (await monitors.get(monitor.id))!;
      expect(stored.state).toBe('alerting');
      // No run started: the next window tries again.
      expect(stored.lastTriggeredAtMs).toBeUndefined();
      expect((await monitors.get(other.id))!.state).toBe('ok');
      expect(logger.warn).toHaveBeenCalled();
    });

    it('two backends evaluating at once: one evaluation and one job run per window', async () => {
      const monitor = await addMonitor();
      reading(monitor, { value: 0.4, samples: 25 });
      const many = await Promise.all(
        Array.from({ length: 5 }, () => addMonitor()),
      );
      for (const m of many) reading(m, { value: 0.4, samples: 25 });

      const claimed = await Promise.all([
        evaluator().evaluate(),
        evaluator().evaluate(),
      ]);

      expect(claimed[0] + claimed[1]).toBe(6);
      for (const m of [monitor, ...many]) {
        expect(await evaluationsOf(m.id)).toHaveLength(1);
      }
      expect(jobs.run).toHaveBeenCalledTimes(6);
      expect(
        new Set(jobs.run.mock.calls.map(call => call[2].env.ML_MONITOR_ID))
          .size,
      ).toBe(6);
      expect(notifications.send).toHaveBeenCalledTimes(6);
      const history = await events.list(MODEL, { limit: 100, offset: 0 });
      expect(
        history.items.filter(e => e.kind === 'retrain_started'),
      ).toHaveLength(6);
    });

    it('evaluates each of 200 monitors once in one pass', async () => {
      const rows = Array.from({ length: 200 }, (_, i) => ({
        id: id(10_000 + i),
        project_id: PROJECT,
        model_id: MODEL,
        name: `bulk-${i}`,
        metric: JSON.stringify({ kind: 'technical', name: `bulk-${i}` }),
        window_seconds: 3600,
        threshold: 0.1,
        direction: 'above',
        min_samples: 10,
        cooldown_seconds: 7200,
        trigger_job_id: i % 10 === 0 ? JOB : null,
        enabled: true,
        state: 'pending',
        state_since: START,
        created_by: 'user:default/a',
        created_at: START,
        updated_at: START,
      }));
      await knex.batchInsert('model_monitors', rows, 200);
      for (let i = 0; i < 200; i++) {
        signals.readings.set(`bulk-${i}`, { value: i % 2, samples: 20 });
      }
      jobs.run.mockResolvedValue({ id: id(600) });

      // The CPU cost of 1,000 monitors is measured by bench/monitoring.ts.
      expect(await evaluator().evaluate()).toBe(200);
      expect(
        Number(
          (await knex('model_monitor_evaluations').count({ n: '*' }))[0].n,
        ),
      ).toBe(200);
    });
  },
);
