import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { migratedDatabaseForAll } from '../../__testUtils__/migratedDatabase';
import { ModelEventStore } from '../events/ModelEventStore';
import { PredictionStore } from '../monitoring/PredictionStore';
import { MonitorEvaluationStore } from './MonitorEvaluationStore';
import { MonitorStore, NewMonitor, presentMonitor } from './MonitorStore';
import { TechnicalSignals } from './technicalSignals';
import {
  AT,
  MODEL,
  OTHER_MODEL,
  PROJECT,
  id,
  insertModel,
} from './__testUtils__/monitorRows';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const newMonitor = (
  n: number,
  fields: Partial<NewMonitor> = {},
): NewMonitor => ({
  id: id(n),
  projectId: PROJECT,
  modelId: MODEL,
  name: `m${n}`,
  metric: { kind: 'technical', name: 'errorRate' },
  windowSeconds: 3600,
  threshold: 0.1,
  direction: 'above',
  minSamples: 3,
  cooldownSeconds: 600,
  enabled: true,
  createdBy: 'user:default/a',
  atMs: AT,
  ...fields,
});

describe.each(databases.eachSupportedId())(
  'monitor stores on %s',
  databaseId => {
    let knex: Knex;
    let monitors: MonitorStore;
    let evaluations: MonitorEvaluationStore;
    let events: ModelEventStore;

    migratedDatabaseForAll(databases, databaseId, async created => {
      knex = created;
      monitors = new MonitorStore(knex);
      evaluations = new MonitorEvaluationStore(knex);
      events = new ModelEventStore(knex, () => AT + 5);
      await insertModel(knex, MODEL, 'model-a');
      await insertModel(knex, OTHER_MODEL, 'model-b');
    });

    it('creates monitors pending, refuses a second of the same name, lists by name and the enabled ones', async () => {
      const created = await monitors.create(
        newMonitor(1, {
          name: 'zeta',
          metric: { kind: 'drift', feature: 'age', statistic: 'psi' },
          triggerJobId: id(99),
        }),
      );
      expect(presentMonitor(created!)).toEqual({
        id: id(1),
        projectId: PROJECT,
        modelId: MODEL,
        name: 'zeta',
        metric: { kind: 'drift', feature: 'age', statistic: 'psi' },
        windowSeconds: 3600,
        threshold: 0.1,
        direction: 'above',
        minSamples: 3,
        cooldownSeconds: 600,
        triggerJobId: id(99),
        enabled: true,
        state: 'pending',
        stateSince: new Date(AT).toISOString(),
        createdBy: 'user:default/a',
        createdAt: new Date(AT).toISOString(),
        updatedAt: new Date(AT).toISOString(),
      });
      expect(
        await monitors.create(newMonitor(2, { name: 'zeta' })),
      ).toBeUndefined();
      // The same name on another model is fine.
      expect(
        await monitors.create(
          newMonitor(3, { name: 'zeta', modelId: OTHER_MODEL }),
        ),
      ).toBeDefined();
      await monitors.create(newMonitor(4, { name: 'alpha', enabled: false }));
      expect((await monitors.listByModel(MODEL)).map(m => m.name)).toEqual([
        'alpha',
        'zeta',
      ]);
      expect((await monitors.listEnabled()).map(m => m.id)).toEqual([
        id(1),
        id(3),
      ]);
    });

    it('records outcomes only forward in time, and restarts on request', async () => {
      await monitors.recordOutcome(id(1), {
        state: 'alerting',
        stateSinceMs: AT + 10,
        value: 0.5,
        samples: 7,
        windowEndMs: AT + 3_600_000,
        triggeredAtMs: AT + 10,
      });
      // An older window's outcome, arriving late, changes nothing.
      await monitors.recordOutcome(id(1), {
        state: 'ok',
        stateSinceMs: AT + 20,
        samples: 9,
        windowEndMs: AT,
      });
      let m = (await monitors.get(id(1)))!;
      expect(m).toMatchObject({
        state: 'alerting',
        stateSinceMs: AT + 10,
        lastValue: 0.5,
        lastSamples: 7,
        lastWindowEndMs: AT + 3_600_000,
        lastTriggeredAtMs: AT + 10,
      });

      m = (await monitors.update(
        id(1),
        { enabled: false, triggerJobId: null },
        { atMs: AT + 30, restart: false },
      ))!;
      expect(m).toMatchObject({
        enabled: false,
        state: 'alerting',
        updatedAtMs: AT + 30,
      });
      expect(m.triggerJobId).toBeUndefined();

      m = (await monitors.update(
        id(1),
        { threshold: 0.2, enabled: true },
        { atMs: AT + 40, restart: true },
      ))!;
      expect(m).toMatchObject({
        state: 'pending',
        stateSinceMs: AT + 40,
        threshold: 0.2,
      });
      expect(m.lastWindowEndMs).toBeUndefined();
      expect(m.lastValue).toBeUndefined();
      // The cooldown survives a restart.
      expect(m.lastTriggeredAtMs).toBe(AT + 10);

      expect(
        await monitors.update(
          id(1),
          { name: 'alpha' },
          { atMs: AT, restart: false },
        ),
      ).toBeUndefined();
    });

    it('claims each (monitor, window end) once, completes it and pages newest first', async () => {
      const evaluation = (windowEndMs: number) => ({
        monitorId: id(1),
        windowStartMs: windowEndMs - 3_600_000,
        windowEndMs,
        value: 0.25,
        samples: 4,
        state: 'alerting' as const,
        transition: true,
        detail: 'why',
        evaluatedAtMs: AT + 1,
      });
      expect(await evaluations.claim(evaluation(AT))).toBe(true);
      expect(await evaluations.claim(evaluation(AT))).toBe(false);
      expect(
        await evaluations.claim({
          ...evaluation(AT + 3_600_000),
          value: undefined,
        }),
      ).toBe(true);
      await evaluations.complete(id(1), AT, {
        triggeredRunId: id(50),
        detail: 'why. Started a run.',
      });
      const page = await evaluations.list(id(1), { limit: 1, offset: 0 });
      expect(page.totalSize).toBe(2);
      expect(page.items).toEqual([
        expect.objectContaining({
          monitorId: id(1),
          windowEnd: new Date(AT + 3_600_000).toISOString(),
          samples: 4,
          state: 'alerting',
          transition: true,
        }),
      ]);
      expect(page.items[0].value).toBeUndefined();
      const [older] = (await evaluations.list(id(1), { limit: 1, offset: 1 }))
        .items;
      expect(older).toEqual({
        id: expect.any(String),
        monitorId: id(1),
        windowStart: new Date(AT - 3_600_000).toISOString(),
        windowEnd: new Date(AT).toISOString(),
        value: 0.25,
        samples: 4,
        state: 'alerting',
        transition: true,
        triggeredRunId: id(50),
        detail: 'why. Started a run.',
        evaluatedAt: new Date(AT + 1).toISOString(),
      });
    });

    it('deletes a monitor with its evaluations', async () => {
      await monitors.create(newMonitor(5, { name: 'doomed' }));
      await evaluations.claim({
        monitorId: id(5),
        windowStartMs: 0,
        windowEndMs: 1,
        samples: 0,
        state: 'insufficient_data',
        transition: true,
        evaluatedAtMs: AT,
      });
      expect(await monitors.delete(id(5))).toBe(true);
      expect(await monitors.delete(id(5))).toBe(false);
      expect(
        await knex('model_monitor_evaluations').where({ monitor_id: id(5) }),
      ).toEqual([]);
    });

    it("keeps a model's history newest first", async () => {
      await events.add({
        projectId: PROJECT,
        modelId: MODEL,
        kind: 'monitor_alerting',
        message: 'first',
        details: { monitorId: id(1) },
        atMs: AT,
      });
      await events.add({
        projectId: PROJECT,
        modelId: MODEL,
        kind: 'retrain_started',
        message: 'second',
        details: { runId: id(50) },
        atMs: AT,
      });
      await events.add({
        projectId: PROJECT,
        modelId: MODEL,
        kind: 'monitor_ok',
        message: 'now',
        details: {},
      });
      await events.add({
        projectId: PROJECT,
        modelId: OTHER_MODEL,
        kind: 'monitor_ok',
        message: 'elsewhere',
        details: {},
      });
      const page = await events.list(MODEL, { limit: 10, offset: 0 });
      expect(page.totalSize).toBe(3);
      expect(page.items.map(e => e.message)).toEqual([
        'now',
        'second',
        'first',
      ]);
      expect(page.items[0]).toEqual({
        id: expect.any(String),
        modelId: MODEL,
        kind: 'monitor_ok',
        message: 'now',
        details: {},
        at: new Date(AT + 5).toISOString(),
      });
      expect(page.items[1].details).toEqual({ runId: id(50) });
    });

    it('reads p95 latency and the error rate of the predictions in a window', async () => {
      const predictions = new PredictionStore(knex);
      await predictions.insertBatch(
        Array.from({ length: 20 }, (_, i) => ({
          uuid: id(1000 + i),
          projectId: PROJECT,
          modelId: MODEL,
          deploymentId: 'deployment-1',
          replica: 0,
          atMs: AT + i,
          latencyMs: i + 1,
          status: i < 5 ? 500 : 200,
          success: i >= 5,
          metrics: {},
        })),
      );
      const signals = new TechnicalSignals(knex);
      const target = { projectId: PROJECT, modelId: MODEL };
      const window = { startMs: AT, endMs: AT + 20 };
      expect(
        await signals.read(
          target,
          { kind: 'technical', name: 'p95LatencyMs' },
          window,
        ),
      ).toEqual({ value: 19, samples: 20 });
      expect(
        await signals.read(
          target,
          { kind: 'technical', name: 'errorRate' },
          window,
        ),
      ).toEqual({ value: 0.25, samples: 20 });
      // The end is exclusive; an empty window has no value.
      expect(
        await signals.read(
          target,
          { kind: 'technical', name: 'errorRate' },
          { startMs: AT + 10, endMs: AT + 19 },
        ),
      ).toEqual({ value: 0, samples: 9 });
      expect(
        await signals.read(
          target,
          { kind: 'technical', name: 'p95LatencyMs' },
          { startMs: AT + 100, endMs: AT + 200 },
        ),
      ).toEqual({ samples: 0 });
    });
  },
);
