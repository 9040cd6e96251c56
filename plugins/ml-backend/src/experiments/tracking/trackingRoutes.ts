import { runIdOf } from '../mlflowHttp';
import { mlflowRequests as m } from '../mlflowRequests';
import { MlflowRoutes } from '../mlflowRouter';
import { ExperimentService } from './ExperimentService';
import { RunService } from './RunService';

/**
 * The tracking endpoints of `service.proto`: experiments, runs, logging and
 * metric history.
 */
export function trackingRoutes(services: {
  experiments: ExperimentService;
  runs: RunService;
}): MlflowRoutes {
  const { experiments, runs } = services;
  return route => {
    // Experiments.
    route(['post'], 'experiments/create', m.createExperiment, async (c, i) => ({
      experiment_id: await experiments.create(c, i),
    }));
    route(['get'], 'experiments/get', m.experimentId, async (c, i) => ({
      experiment: await experiments.get(c, i.experiment_id),
    }));
    route(
      ['get'],
      'experiments/get-by-name',
      m.experimentName,
      async (c, i) => ({
        experiment: await experiments.getByName(c, i.experiment_name),
      }),
    );
    route(['get', 'post'], 'experiments/search', m.searchExperiments, (c, i) =>
      experiments.search(c, {
        filter: i.filter,
        orderBy: i.order_by,
        viewType: i.view_type,
        maxResults: i.max_results,
        pageToken: i.page_token,
      }),
    );
    route(['post'], 'experiments/update', m.updateExperiment, (c, i) =>
      experiments.rename(c, i.experiment_id, i.new_name),
    );
    route(['post'], 'experiments/delete', m.experimentId, (c, i) =>
      experiments.setDeleted(c, i.experiment_id, true),
    );
    route(['post'], 'experiments/restore', m.experimentId, (c, i) =>
      experiments.setDeleted(c, i.experiment_id, false),
    );
    route(
      ['post'],
      'experiments/set-experiment-tag',
      m.setExperimentTag,
      (c, i) =>
        experiments.setTag(c, i.experiment_id, { key: i.key, value: i.value }),
    );
    route(
      ['post'],
      'experiments/delete-experiment-tag',
      m.deleteExperimentTag,
      (c, i) => experiments.deleteTag(c, i.experiment_id, i.key),
    );

    // Runs.
    route(['post'], 'runs/create', m.createRun, async (c, i) => ({
      run: await runs.create(c, i),
    }));
    route(['get'], 'runs/get', m.runRef, async (c, i) => ({
      run: await runs.get(c, runIdOf(i)),
    }));
    route(['post'], 'runs/update', m.updateRun, async (c, i) => ({
      run_info: await runs.update(c, { ...i, run_id: runIdOf(i) }),
    }));
    route(['post'], 'runs/delete', m.runRef, (c, i) =>
      runs.setDeleted(c, runIdOf(i), true),
    );
    route(['post'], 'runs/restore', m.runRef, (c, i) =>
      runs.setDeleted(c, runIdOf(i), false),
    );
    route(['post'], 'runs/search', m.searchRuns, (c, i) =>
      runs.search(c, {
        experimentIds: i.experiment_ids,
        filter: i.filter,
        orderBy: i.order_by,
        viewType: i.run_view_type,
        maxResults: i.max_results,
        pageToken: i.page_token,
      }),
    );
    route(['post'], 'runs/log-metric', m.logMetric, (c, i) =>
      runs.logBatch(c, runIdOf(i), {
        metrics: [
          { key: i.key, value: i.value, timestamp: i.timestamp, step: i.step },
        ],
      }),
    );
    route(['post'], 'runs/log-parameter', m.logParam, (c, i) =>
      runs.logBatch(c, runIdOf(i), {
        params: [{ key: i.key, value: i.value }],
      }),
    );
    route(['post'], 'runs/set-tag', m.setTag, (c, i) =>
      runs.logBatch(c, runIdOf(i), { tags: [{ key: i.key, value: i.value }] }),
    );
    route(['post'], 'runs/delete-tag', m.deleteTag, (c, i) =>
      runs.deleteTag(c, runIdOf(i), i.key),
    );
    route(['post'], 'runs/log-batch', m.logBatch, (c, i) =>
      runs.logBatch(c, runIdOf(i), i),
    );
    route(['post'], 'runs/log-inputs', m.logInputs, (c, i) =>
      runs.logInputs(c, runIdOf(i), i.datasets),
    );
    route(['post'], 'runs/log-model', m.logModel, (c, i) =>
      runs.logModel(c, runIdOf(i), i.model_json),
    );
    route(['get'], 'metrics/get-history', m.metricHistory, (c, i) =>
      runs.history(c, {
        runId: runIdOf(i),
        key: i.metric_key,
        maxResults: i.max_results,
        pageToken: i.page_token,
      }),
    );
  };
}
