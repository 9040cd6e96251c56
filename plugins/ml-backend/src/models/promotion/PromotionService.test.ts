import { mockServices } from '@backstage/backend-test-utils';
import { Model, PromotionPolicy } from '@ml-platform/plugin-ml-common';
import { Readable } from 'node:stream';
import { StoredWorkload } from '../../database';
import { StoredJob } from '../../workloads/jobs/JobStore';
import { StoredModelBuild } from '../builds/ModelBuildStore';
import { StoredDeployment } from '../deployments/ModelDeploymentStore';
import { NewModelEvent } from './ModelHistory';
import { PromotionService } from './PromotionService';
import { CandidateVersion } from './TrackedCandidates';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const MODEL = '22222222-2222-4222-8222-222222222222';
const RUN = '33333333-3333-4333-8333-333333333333';

const model = (extra: Partial<Model> = {}): Model =>
  ({
    id: MODEL,
    projectId: PROJECT,
    name: 'churn',
    description: '',
    disableAuthentication: false,
    activeDeploymentId: 'active-deployment',
    createdBy: 'user:default/a',
    createdAt: '',
    updatedAt: '',
    ...extra,
  } as Model);

const policy = (extra: Partial<PromotionPolicy> = {}): PromotionPolicy => ({
  modelId: MODEL,
  enabled: true,
  metric: 'rmse',
  source: 'mlflowRun',
  better: 'lower',
  margin: 0.1,
  updatedBy: 'user:default/a',
  updatedAt: '',
  ...extra,
});

const build = (extra: Partial<StoredModelBuild>): StoredModelBuild =>
  ({
    id: 'active-build',
    modelId: MODEL,
    number: 1,
    filePath: 'model.py',
    functionName: 'predict',
    runtimeId: 'runtime-of-the-build',
    profile: 'small',
    comment: '',
    examples: [],
    env: {},
    state: 'built',
    datasets: [],
    lineageMetadata: {},
    createdBy: 'user:default/a',
    createdAt: '',
    ...extra,
  } as StoredModelBuild);

const run = {
  id: RUN,
  kind: 'job',
  jobId: 'job-1',
  state: 'succeeded',
  projectId: PROJECT,
  requester: 'user:default/trainer',
} as StoredWorkload;

/** A promotion service over fakes; `given` says what tracking and the stores hold. */
function setUp(
  given: {
    model?: Model;
    policy?: PromotionPolicy;
    candidate?: StoredJob['candidate'];
    activeBuild?: Partial<StoredModelBuild>;
    /** The latest metrics of MLflow runs by run id. */
    metrics?: Record<string, Record<string, number>>;
    runOfWorkload?: string;
    version?: CandidateVersion;
    runOfVersion?: string;
    metricsFile?: string;
    buildEndsAs?: 'built' | 'failed';
    /** Candidate builds a promotion made before a restart. */
    awaiting?: StoredModelBuild[];
    activeEnv?: StoredDeployment['env'];
  } = {},
) {
  const events: NewModelEvent[] = [];
  const builds = new Map<string, StoredModelBuild>([
    ['active-build', build(given.activeBuild ?? {})],
    ...(given.awaiting ?? []).map(b => [b.id, b] as const),
  ]);
  const buildRequests: unknown[] = [];
  const deployRequests: unknown[] = [];
  const previousEnvs: unknown[] = [];
  let ended: (b: StoredModelBuild) => void = () => {};
  const theModel = given.model ?? model();
  const service = new PromotionService({
    jobs: {
      get: async id =>
        id === 'job-1'
          ? ({
              id,
              name: 'train',
              runtimeId: 'runtime-of-the-job',
              candidate:
                'candidate' in given
                  ? given.candidate
                  : { model: 'churn', kind: 'build' },
            } as StoredJob)
          : undefined,
    },
    models: {
      get: async id => (id === MODEL ? theModel : undefined),
      findByName: async (projectId, name) =>
        projectId === PROJECT && name === 'churn' ? theModel : undefined,
    },
    policies: {
      get: async () => ('policy' in given ? given.policy : policy()),
    },
    builds: {
      get: async id => builds.get(id),
      listAwaitingPromotion: async () => given.awaiting ?? [],
      setEvaluation: async (id, evaluation) => {
        builds.set(id, { ...builds.get(id)!, evaluation });
      },
    },
    deployments: {
      get: async id =>
        id === 'active-deployment'
          ? ({
              id,
              buildId: 'active-build',
              replicas: 3,
              profile: 'large',
              env: given.activeEnv ?? {},
            } as StoredDeployment)
          : undefined,
    },
    buildService: {
      async create(_projectId, _modelId, input, _actor) {
        buildRequests.push(input);
        const created = build({ id: 'new-build', number: 2, state: 'queued' });
        builds.set(created.id, created);
        setTimeout(() => {
          // Only the state changes, as in the store.
          const done = {
            ...builds.get(created.id)!,
            state: given.buildEndsAs ?? 'built',
          };
          builds.set(done.id, done as StoredModelBuild);
          ended(done as StoredModelBuild);
        }, 5);
        return created;
      },
      onBuildEnded: listener => {
        ended = listener;
      },
    },
    deploymentService: {
      async create(_projectId, _modelId, input, _actor, previousEnv) {
        deployRequests.push(input);
        previousEnvs.push(previousEnv);
        return { id: 'new-deployment' };
      },
    },
    runs: {
      newestVersionOfWorkload: async () => given.version,
      latestRunOfWorkload: async id =>
        id === RUN ? given.runOfWorkload : undefined,
      runOfVersion: async () => given.runOfVersion,
      latestMetric: async (runId, key) => given.metrics?.[runId]?.[key],
    },
    files: {
      read: async () => {
        if (given.metricsFile === undefined) throw new Error('no such file');
        return {
          entry: { size: given.metricsFile.length } as any,
          stream: Readable.from([Buffer.from(given.metricsFile)]),
        };
      },
    },
    workloads: { get: async id => (id === RUN ? run : undefined) },
    history: { add: async event => void events.push(event) },
    logger: mockServices.logger.mock(),
  });
  return {
    service,
    events,
    builds,
    buildRequests,
    deployRequests,
    previousEnvs,
    ended: (b: StoredModelBuild) => ended(b),
  };
}

describe('PromotionService', () => {
  it('promotes a build candidate that beats the active one by the margin', async () => {
    const { service, events, builds, buildRequests, deployRequests } = setUp({
      activeBuild: { evaluation: { rmse: 2.9 } },
      runOfWorkload: 'mlflow-run',
      metrics: { 'mlflow-run': { rmse: 2.7 } },
    });
    await service.consider(run);
    expect(buildRequests).toEqual([
      expect.objectContaining({
        filePath: 'model.py',
        functionName: 'predict',
        runtimeId: 'runtime-of-the-build',
        profile: 'small',
      }),
    ]);
    expect(builds.get('new-build')?.evaluation).toEqual({ rmse: 2.7 });
    expect(deployRequests).toEqual([
      { buildId: 'new-build', replicas: 3, profile: 'large', env: {} },
    ]);
    expect(events).toEqual([
      {
        projectId: PROJECT,
        modelId: MODEL,
        kind: 'candidate_promoted',
        message:
          'Promoted build #2: rmse 2.7 beats the active 2.9 by 0.2 (margin 0.1)',
        details: {
          runId: RUN,
          jobId: 'job-1',
          buildId: 'new-build',
          deploymentId: 'new-deployment',
          metric: 'rmse',
          candidateValue: 2.7,
          activeValue: 2.9,
          margin: 0.1,
        },
      },
    ]);
  });

  it('refuses a candidate that is worse, or better by less than the margin', async () => {
    for (const candidateValue of [3.2, 2.85]) {
      const { service, events, buildRequests } = setUp({
        activeBuild: { evaluation: { rmse: 2.9 } },
        runOfWorkload: 'mlflow-run',
        metrics: { 'mlflow-run': { rmse: candidateValue } },
      });
      await service.consider(run);
      expect(buildRequests).toEqual([]);
      expect(events).toEqual([
        expect.objectContaining({
          kind: 'candidate_refused',
          message: `rmse ${candidateValue} does not beat the active 2.9 by 0.1`,
          details: expect.objectContaining({
            candidateValue,
            activeValue: 2.9,
            margin: 0.1,
          }),
        }),
      ]);
    }
  });

  it('weighs higher-is-better metrics the other way', async () => {
    const { service, events } = setUp({
      policy: policy({ metric: 'auc', better: 'higher', margin: 0 }),
      activeBuild: { evaluation: { auc: 0.8 } },
      runOfWorkload: 'mlflow-run',
      metrics: { 'mlflow-run': { auc: 0.79 } },
    });
    await service.consider(run);
    expect(events[0]).toMatchObject({
      kind: 'candidate_refused',
      message: 'auc 0.79 does not beat the active 0.8 by 0',
    });
  });

  it('promotes when there is no active deployment, or it has no value, saying so', async () => {
    const none = setUp({
      model: model({ activeDeploymentId: undefined }),
      candidate: { model: 'churn', kind: 'build', filePath: 'serve.py' },
      runOfWorkload: 'mlflow-run',
      metrics: { 'mlflow-run': { rmse: 5 } },
    });
    await none.service.consider(run);
    expect(none.buildRequests).toEqual([
      expect.objectContaining({
        filePath: 'serve.py',
        functionName: 'predict',
        runtimeId: 'runtime-of-the-job',
      }),
    ]);
    expect(none.deployRequests).toEqual([
      { buildId: 'new-build', replicas: 1, profile: 'small', env: {} },
    ]);
    expect(none.events[0]).toMatchObject({
      kind: 'candidate_promoted',
      message: 'Promoted build #2: rmse 5: the model has no active deployment',
    });
    expect(none.events[0].details).not.toHaveProperty('activeValue');

    const noValue = setUp({
      runOfWorkload: 'mlflow-run',
      metrics: { 'mlflow-run': { rmse: 5 } },
    });
    await noValue.service.consider(run);
    expect(noValue.events[0]).toMatchObject({
      kind: 'candidate_promoted',
      message:
        'Promoted build #2: rmse 5: the active build #1 has no rmse to beat',
    });
  });

  it('reads a registered version candidate and the active version from their MLflow runs', async () => {
    const { service, events, buildRequests } = setUp({
      candidate: { model: MODEL, kind: 'modelVersion' },
      version: { registeredModel: 'churn-reg', version: '4', runId: 'new-run' },
      activeBuild: {
        registeredModel: { name: 'churn-reg', version: '3' },
      },
      runOfVersion: 'old-run',
      metrics: { 'new-run': { rmse: 1 }, 'old-run': { rmse: 2 } },
    });
    await service.consider(run);
    expect(buildRequests).toEqual([
      expect.objectContaining({
        registeredModel: { name: 'churn-reg', version: '4' },
      }),
    ]);
    expect(buildRequests[0] as object).not.toHaveProperty('filePath');
    expect(events[0]).toMatchObject({
      kind: 'candidate_promoted',
      details: {
        registeredModel: 'churn-reg',
        version: '4',
        candidateValue: 1,
        activeValue: 2,
      },
    });
  });

  it('reads the job output file with source jobOutput', async () => {
    const { service, events } = setUp({
      policy: policy({ source: 'jobOutput' }),
      activeBuild: { evaluation: { rmse: 2.9 } },
      metricsFile: '{"rmse": 2.5, "mae": 1}',
    });
    await service.consider(run);
    expect(events[0]).toMatchObject({
      kind: 'candidate_promoted',
      details: { candidateValue: 2.5 },
    });
  });

  it('refuses a candidate without the metric, saying where it looked', async () => {
    const cases: Array<[Parameters<typeof setUp>[0], string]> = [
      [
        { runOfWorkload: undefined },
        "the run logged no MLflow run to read 'rmse' from",
      ],
      [
        { runOfWorkload: 'mlflow-run', metrics: { 'mlflow-run': { mae: 1 } } },
        "MLflow run mlflow-run has no metric 'rmse'",
      ],
      [
        { policy: policy({ source: 'jobOutput' }) },
        'the run wrote no metrics file .ml-platform/candidates/',
      ],
      [
        {
          policy: policy({ source: 'jobOutput' }),
          metricsFile: '{"rmse": "low"}',
        },
        "the run's metrics file has no number 'rmse'",
      ],
      [
        { candidate: { model: 'churn', kind: 'modelVersion' } },
        'The run registered no model version',
      ],
    ];
    for (const [given, why] of cases) {
      const { service, events, buildRequests } = setUp(given);
      await service.consider(run);
      expect(buildRequests).toEqual([]);
      expect(events).toHaveLength(1);
      expect(events[0].kind).toBe('candidate_refused');
      expect(events[0].message).toContain(why);
    }
  });

  it('records a failed build as candidate_failed and deploys nothing', async () => {
    const { service, events, deployRequests } = setUp({
      activeBuild: { evaluation: { rmse: 2.9 } },
      runOfWorkload: 'mlflow-run',
      metrics: { 'mlflow-run': { rmse: 1 } },
      buildEndsAs: 'failed',
    });
    await service.consider(run);
    expect(deployRequests).toEqual([]);
    expect(events[0]).toMatchObject({
      kind: 'candidate_failed',
      message: expect.stringMatching(/could not be built: build #2 failed/),
      details: { buildId: 'new-build' },
    });
  });

  it('does nothing without an enabled policy, a candidate, or a succeeded job run', async () => {
    for (const given of [
      { policy: undefined },
      { policy: policy({ enabled: false }) },
      { candidate: undefined },
    ]) {
      const { service, events, buildRequests } = setUp({
        ...given,
        runOfWorkload: 'mlflow-run',
        metrics: { 'mlflow-run': { rmse: 1 } },
      });
      await service.consider(run);
      expect(events).toEqual([]);
      expect(buildRequests).toEqual([]);
    }
    const { service, events } = setUp({
      runOfWorkload: 'mlflow-run',
      metrics: { 'mlflow-run': { rmse: 1 } },
    });
    service.onWorkloadEnded({ ...run, state: 'failed' });
    service.onWorkloadEnded({ ...run, kind: 'session' } as StoredWorkload);
    await service.idle();
    expect(events).toEqual([]);
    service.onWorkloadEnded(run);
    await service.idle();
    expect(events.map(e => e.kind)).toEqual(['candidate_promoted']);
  });

  it("deploys with the active deployment's replicas, profile and env, secrets kept sealed", async () => {
    const secret = { secret: true as const, ciphertext: 'sealed' };
    const activeEnv = { MODE: 'fast', TOKEN: secret } as any;
    const { service, deployRequests, previousEnvs } = setUp({
      activeBuild: { evaluation: { rmse: 2.9 } },
      activeEnv,
      runOfWorkload: 'mlflow-run',
      metrics: { 'mlflow-run': { rmse: 1 } },
    });
    await service.consider(run);
    expect(deployRequests).toEqual([
      {
        buildId: 'new-build',
        replicas: 3,
        profile: 'large',
        env: { MODE: 'fast', TOKEN: { secret: true } },
      },
    ]);
    expect(previousEnvs).toEqual([activeEnv]);
  });

  it('resumes after a restart: a candidate build made before it is deployed once built, or refused', async () => {
    const awaited = build({
      id: 'new-build',
      number: 2,
      state: 'building',
      comment: `Candidate of job train, run ${RUN}`,
      evaluation: { rmse: 1 },
    });
    const resumed = setUp({
      activeBuild: { evaluation: { rmse: 2.9 } },
      awaiting: [awaited],
    });
    resumed.service.resume();
    await new Promise(r => setTimeout(r, 10));
    expect(resumed.deployRequests).toEqual([]);
    resumed.ended({ ...awaited, state: 'built' });
    await resumed.service.idle();
    expect(resumed.deployRequests).toEqual([
      { buildId: 'new-build', replicas: 3, profile: 'large', env: {} },
    ]);
    expect(resumed.events).toEqual([
      expect.objectContaining({
        kind: 'candidate_promoted',
        message:
          'Promoted build #2: rmse 1 beats the active 2.9 by 1.9 (margin 0.1)',
        details: expect.objectContaining({
          runId: RUN,
          buildId: 'new-build',
          deploymentId: 'new-deployment',
        }),
      }),
    ]);

    // Weighed again: the active deployment got better in the meantime.
    const refused = setUp({
      activeBuild: { evaluation: { rmse: 0.5 } },
      awaiting: [{ ...awaited, state: 'built' }],
    });
    refused.service.resume();
    await refused.service.idle();
    expect(refused.deployRequests).toEqual([]);
    expect(refused.events).toEqual([
      expect.objectContaining({
        kind: 'candidate_refused',
        message:
          'rmse 1 does not beat the active 0.5 by 0.1 (weighed again after a restart)',
        details: expect.objectContaining({ buildId: 'new-build' }),
      }),
    ]);
  });
});
