import { randomBytes, randomInt } from 'node:crypto';
import { doesNotExist, invalidParameter } from '../MlflowError';
import { TrackingCaller } from '../TrackingAccess';
import {
  LIMITS,
  validateBatchSize,
  validateLength,
  validateMetric,
  validateParam,
  validateTag,
} from './limits';
import { PLATFORM_TAG, refusePlatformTags } from './platformTags';
import { HistoryCursor, RunStore, StoredRunInfo } from './RunStore';
import { JsonText } from '../mlflowHttp';
import { TrackingLookup } from './TrackingLookup';
import { SearchQuery, TrackingSearch } from './TrackingSearch';
import {
  DatasetInput,
  KeyValue,
  Metric,
  Run,
  RunInfo,
  RunStatus,
} from './types';

/** MLflow pages metric histories by at most 25,000 points. */
const MAX_HISTORY_PAGE = 25_000;

/** MLflow's reserved tags that carry a run's fields. */
const RUN_NAME_TAG = 'mlflow.runName';
const USER_TAG = 'mlflow.user';
const LOG_MODEL_TAG = 'mlflow.log-model.history';

/** What callers see of a run's info: MLflow's fields only. */
function wireInfo(info: StoredRunInfo): RunInfo {
  const { projectId: _p, workloadId: _w, ...rest } = info;
  return rest;
}

function wireRun(run: Run & { info: StoredRunInfo }): Run {
  return { ...run, info: wireInfo(run.info) };
}

const ADJECTIVES = [
  'bold',
  'calm',
  'eager',
  'fast',
  'keen',
  'quiet',
  'sharp',
  'warm',
];
const NOUNS = ['bear', 'crane', 'fox', 'hawk', 'lynx', 'otter', 'owl', 'wolf'];

/** A name for a run its client did not name, in MLflow's style. */
function generatedRunName(): string {
  const pick = (words: string[]) => words[randomInt(words.length)];
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${randomInt(1000)}`;
}

/**
 * MLflow's runs and what is logged to them. A param cannot change once set
 * (sending the same value again is fine); a batch is checked whole before
 * anything of it is written.
 */
export class RunService {
  constructor(
    private readonly deps: {
      runs: RunStore;
      lookup: TrackingLookup;
      search: TrackingSearch;
      now?: () => number;
    },
  ) {}

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  async create(
    caller: TrackingCaller,
    input: {
      experiment_id?: string;
      run_name?: string;
      start_time?: number;
      tags?: KeyValue[];
    },
  ): Promise<Run> {
    if (!input.experiment_id) {
      throw invalidParameter(
        "Missing value for required parameter 'experiment_id'.",
      );
    }
    const experiment = await this.deps.lookup.activeExperiment(
      caller,
      input.experiment_id,
    );
    const tags = input.tags ?? [];
    tags.forEach(validateTag);
    refusePlatformTags(tags);
    const name =
      input.run_name ||
      tags.find(t => t.key === RUN_NAME_TAG)?.value ||
      generatedRunName();
    validateLength('Run name', LIMITS.runNameLength, name);
    const runId = randomBytes(16).toString('hex');
    const workload = caller.kind === 'workload' ? caller.workload : undefined;
    const info: StoredRunInfo = {
      run_id: runId,
      run_uuid: runId,
      run_name: name,
      experiment_id: experiment.experiment_id,
      user_id: caller.userId,
      status: 'RUNNING',
      start_time: input.start_time ?? this.now(),
      artifact_uri: `${experiment.artifact_location}/${runId}/artifacts`,
      lifecycle_stage: 'active',
      projectId: experiment.projectId,
      ...(workload ? { workloadId: workload.id } : {}),
    };
    const platformTags: KeyValue[] = [
      { key: PLATFORM_TAG.projectId, value: experiment.projectId },
      ...(workload
        ? [
            { key: PLATFORM_TAG.workloadId, value: workload.id },
            ...(workload.jobId
              ? [{ key: PLATFORM_TAG.jobId, value: workload.jobId }]
              : []),
          ]
        : []),
    ];
    const own = new Map(tags.map(t => [t.key, t.value]));
    own.set(RUN_NAME_TAG, name);
    own.set(USER_TAG, caller.userId);
    await this.deps.runs.create({
      info,
      tags: [
        ...[...own].map(([key, value]) => ({ key, value })),
        ...platformTags,
      ],
    });
    return this.get(caller, runId);
  }

  async get(caller: TrackingCaller, runId: string): Promise<Run> {
    await this.deps.lookup.run(caller, runId, 'read');
    const [run] = await this.deps.runs.getMany([runId]);
    if (!run) throw doesNotExist(`Run with id=${runId} not found`);
    return wireRun(run);
  }

  async update(
    caller: TrackingCaller,
    input: {
      run_id: string;
      status?: RunStatus;
      end_time?: number;
      run_name?: string;
    },
  ): Promise<RunInfo> {
    await this.deps.lookup.activeRun(caller, input.run_id);
    if (input.run_name !== undefined) {
      validateLength('Run name', LIMITS.runNameLength, input.run_name);
    }
    await this.deps.runs.update(input.run_id, input);
    if (input.run_name) {
      await this.deps.runs.setTags(input.run_id, [
        { key: RUN_NAME_TAG, value: input.run_name },
      ]);
    }
    return wireInfo((await this.deps.runs.getInfo(input.run_id))!);
  }

  async setDeleted(caller: TrackingCaller, runId: string, deleted: boolean) {
    const run = await this.deps.lookup.run(caller, runId, 'write');
    if (!deleted && run.lifecycle_stage !== 'deleted') {
      throw invalidParameter(`Cannot restore run ${runId}: it is not deleted`);
    }
    await this.deps.runs.setLifecycle(
      runId,
      deleted ? 'deleted' : 'active',
      this.now(),
    );
  }

  async search(
    caller: TrackingCaller,
    query: SearchQuery & { experimentIds: string[] },
  ): Promise<{ runs: Run[]; next_page_token?: string }> {
    for (const id of query.experimentIds) {
      await this.deps.lookup.experiment(caller, id, 'read');
    }
    const page = await this.deps.search.runs(query);
    const runs = await this.deps.runs.getMany(page.ids);
    return {
      runs: runs.map(wireRun),
      ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
    };
  }

  /** MLflow's log-batch; log-metric, log-parameter and set-tag are batches of one. */
  async logBatch(
    caller: TrackingCaller,
    runId: string,
    batch: { metrics?: Metric[]; params?: KeyValue[]; tags?: KeyValue[] },
  ): Promise<void> {
    const metrics = batch.metrics ?? [];
    const params = batch.params ?? [];
    const tags = batch.tags ?? [];
    validateBatchSize({ metrics, params, tags });
    metrics.forEach(validateMetric);
    params.forEach(validateParam);
    tags.forEach(validateTag);
    refusePlatformTags(tags);
    const sentTwice = params.filter(
      (p, i) => params.findIndex(q => q.key === p.key) !== i,
    );
    if (
      sentTwice.some(p => params.find(q => q.key === p.key)!.value !== p.value)
    ) {
      throw invalidParameter(
        `Duplicate parameter keys have been submitted: ${JSON.stringify([
          ...new Set(sentTwice.map(p => p.key)),
        ])}. Please ensure the request contains only one param value per param key.`,
      );
    }
    await this.deps.lookup.activeRun(caller, runId);
    const stored = await this.deps.runs.params(
      runId,
      params.map(p => p.key),
    );
    const changed = params.filter(
      p => stored.has(p.key) && stored.get(p.key) !== p.value,
    );
    if (changed.length) {
      throw invalidParameter(
        `Changing param values is not allowed. Params were already logged='${JSON.stringify(
          changed.map(p => ({
            key: p.key,
            old_value: stored.get(p.key),
            new_value: p.value,
          })),
        )}' for run ID='${runId}'.`,
      );
    }
    await this.deps.runs.addParams(
      runId,
      params.filter(p => !stored.has(p.key)),
    );
    await this.deps.runs.logMetrics(runId, metrics);
    await this.deps.runs.setTags(runId, tags);
    const renamed = tags.findLast(t => t.key === RUN_NAME_TAG);
    if (renamed)
      await this.deps.runs.update(runId, { run_name: renamed.value });
  }

  async deleteTag(caller: TrackingCaller, runId: string, key: string) {
    refusePlatformTags([{ key, value: '' }]);
    await this.deps.lookup.activeRun(caller, runId);
    if (!(await this.deps.runs.deleteTag(runId, key))) {
      throw doesNotExist(`No tag with name: ${key} in run with id ${runId}`);
    }
  }

  async logInputs(
    caller: TrackingCaller,
    runId: string,
    datasets: DatasetInput[],
  ): Promise<void> {
    for (const { dataset } of datasets) {
      if (
        !dataset?.name ||
        !dataset.digest ||
        !dataset.source_type ||
        !dataset.source
      ) {
        throw invalidParameter(
          'A dataset input needs name, digest, source_type and source',
        );
      }
      validateLength('Dataset name', 500, dataset.name);
      validateLength('Dataset digest', 36, dataset.digest);
    }
    await this.deps.lookup.activeRun(caller, runId);
    await this.deps.runs.addInputs(runId, datasets);
  }

  /** MLflow's log-model: the model's MLmodel JSON joins the run's history tag. */
  async logModel(caller: TrackingCaller, runId: string, modelJson: string) {
    let model: unknown;
    try {
      model = JSON.parse(modelJson);
    } catch {
      throw invalidParameter('model_json is not valid JSON');
    }
    await this.deps.lookup.activeRun(caller, runId);
    const [run] = await this.deps.runs.getMany([runId]);
    const previous = run.data.tags.find(t => t.key === LOG_MODEL_TAG)?.value;
    const history = previous ? (JSON.parse(previous) as unknown[]) : [];
    await this.deps.runs.setTags(runId, [
      { key: LOG_MODEL_TAG, value: JSON.stringify([...history, model]) },
    ]);
  }

  /**
   * A page of a metric's history (MLflow pages it by 25,000 points), as
   * the JSON text of MLflow's answer.
   */
  async history(
    caller: TrackingCaller,
    query: {
      runId: string;
      key: string;
      maxResults?: number;
      pageToken?: string;
    },
  ): Promise<JsonText> {
    const limit = query.maxResults ?? MAX_HISTORY_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY_PAGE) {
      throw invalidParameter(
        `max_results must be between 1 and ${MAX_HISTORY_PAGE}, got ${query.maxResults}`,
      );
    }
    const after = query.pageToken ? historyCursor(query.pageToken) : undefined;
    await this.deps.lookup.run(caller, query.runId, 'read');
    const page = await this.deps.runs.historyPage(query.runId, query.key, {
      after,
      limit,
    });
    const next = page.next
      ? `,"next_page_token":${JSON.stringify(
          Buffer.from(JSON.stringify(page.next)).toString('base64url'),
        )}`
      : '';
    return new JsonText(`{"metrics":[${page.json.join(',')}]${next}}`);
  }
}

/** The cursor a history page token carries, or INVALID_PARAMETER_VALUE. */
function historyCursor(token: string): HistoryCursor {
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString());
    if (
      [cursor.step, cursor.timestamp, cursor.id].every(n =>
        Number.isSafeInteger(n),
      )
    ) {
      return { step: cursor.step, timestamp: cursor.timestamp, id: cursor.id };
    }
  } catch {
    // refused below
  }
  throw invalidParameter(`Invalid page token: '${token.slice(0, 100)}'`);
}
