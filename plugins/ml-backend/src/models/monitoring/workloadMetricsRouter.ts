import express, { RequestHandler } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  epochMillisSchema,
  timestampSchema,
} from '@ml-platform/plugin-ml-common';
import { WorkloadLocals } from '../../workloads/api/workloadAuth';
import { parseInput } from '../../http/validation';
import { MonitoringService } from './MonitoringService';

const metricName = z.string().min(1).max(200);
const pointSchema = z
  .object({
    name: metricName,
    value: z.number(),
    model: z.string().min(1).max(63).optional(),
    predictionUuid: z.string().uuid().optional(),
    at: epochMillisSchema.optional(),
  })
  .strict();

const trackBody = z
  .object({ points: z.array(pointSchema).min(1).max(10_000) })
  .strict();

const metricValues = z
  .record(metricName, z.number())
  .refine(m => Object.keys(m).length > 0, 'give at least one metric');

const delayedBody = z
  .object({
    predictionUuid: z.string().uuid(),
    metrics: metricValues,
  })
  .strict();

const aggregateBody = z
  .object({
    metrics: metricValues,
    start: epochMillisSchema,
    end: epochMillisSchema,
    model: z.string().min(1).max(63).optional(),
    deploymentId: z.string().uuid().optional(),
  })
  .strict()
  .refine(b => b.start < b.end, {
    message: 'must be after start',
    path: ['end'],
  });

const readQuery = z
  .object({
    model: z.string().min(1).max(63).optional(),
    deploymentId: z.string().uuid().optional(),
    start: timestampSchema.optional(),
    end: timestampSchema.optional(),
    uuid: z.string().uuid().optional(),
    name: metricName.optional(),
  })
  .strict();

/**
 * The SDK's metrics routes (`track_metric`, `track_delayed_metrics`,
 * `track_aggregate_metrics`, `read_metrics`), called with the workload's own
 * token and limited to the models of the workload's project.
 */
export function createWorkloadMetricsRouter(deps: {
  monitoring: MonitoringService;
  requireWorkload: RequestHandler;
}): express.Router {
  const { monitoring } = deps;
  const router = Router();
  // The workload API router may have checked the token already on this request.
  const guard: RequestHandler = (req, res, next) =>
    (res.locals as Partial<WorkloadLocals>).workload
      ? next()
      : deps.requireWorkload(req, res, next);

  router.post('/workload-api/v1/metrics', guard, async (req, res) => {
    const { workload } = res.locals as WorkloadLocals;
    const { points } = parseInput(trackBody, req.body, 'body');
    const stored = await monitoring.track(
      workload,
      points.map(p => ({ ...p, atMs: p.at })),
    );
    res.status(201).json({ stored });
  });

  router.post('/workload-api/v1/delayed-metrics', guard, async (req, res) => {
    const { workload } = res.locals as WorkloadLocals;
    const { predictionUuid, metrics } = parseInput(
      delayedBody,
      req.body,
      'body',
    );
    await monitoring.trackDelayed(workload, predictionUuid, metrics);
    res.status(204).end();
  });

  router.post('/workload-api/v1/aggregate-metrics', guard, async (req, res) => {
    const { workload } = res.locals as WorkloadLocals;
    const body = parseInput(aggregateBody, req.body, 'body');
    const accepted = await monitoring.trackAggregate(workload, {
      metrics: body.metrics,
      startMs: body.start,
      endMs: body.end,
      model: body.model,
      deploymentId: body.deploymentId,
    });
    res.status(201).json({ accepted });
  });

  router.get('/workload-api/v1/metrics', guard, async (req, res) => {
    const { workload } = res.locals as WorkloadLocals;
    const query = parseInput(readQuery, req.query, 'query');
    const metrics = await monitoring.read(workload, {
      model: query.model,
      deploymentId: query.deploymentId,
      fromMs: query.start,
      toMs: query.end,
      uuid: query.uuid,
      name: query.name,
    });
    res.json({ metrics });
  });

  return router;
}
