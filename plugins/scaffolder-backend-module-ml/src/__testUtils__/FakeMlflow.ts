import { randomBytes } from 'node:crypto';
import type { RecordedRequest } from './FakeMlApi';

/** A route of the fake ML API: method, path pattern, handler. */
export type FakeRoute = [
  string,
  RegExp,
  (req: RecordedRequest, id: string) => { status: number; body?: unknown },
];

interface Tag {
  key: string;
  value: string;
}

interface FakeRun {
  run_id: string;
  experiment_id: string;
  start_time: number;
  workloadId?: string;
  /** Paths of its artifact files, e.g. `model/MLmodel`. */
  artifacts: string[];
}

interface FakeRegisteredModel {
  name: string;
  tags: Tag[];
  versions: Array<{ version: string; source: string; run_id?: string }>;
  aliases: Record<string, string>;
}

const failure = (status: number, error_code: string, message: string) => ({
  status,
  body: { error_code, message },
});
const notFound = (message: string) =>
  failure(404, 'RESOURCE_DOES_NOT_EXIST', message);

/** The value a filter like `tags.\`key\` = 'value'` compares with. */
function filterValue(filter: unknown, key: string): string | undefined {
  const match = new RegExp(`tags\\.\`${key}\` = '([^']*)'`).exec(
    String(filter ?? ''),
  );
  return match?.[1];
}

/**
 * The part of MLflow's REST API (under `/mlflow/api/2.0/mlflow/`) that the
 * registry action calls, answering as the ML backend does: experiments and
 * runs seeded by tests, registered models and versions it keeps.
 */
export class FakeMlflow {
  readonly experiments = new Map<string, { name: string; tags: Tag[] }>();
  readonly runs: FakeRun[] = [];
  readonly models = new Map<string, FakeRegisteredModel>();

  /** A run in the project's experiment (made if missing); its id. */
  addRun(run: {
    projectId: string;
    workloadId?: string;
    artifacts?: string[];
    runId?: string;
    startTime?: number;
  }): string {
    let experimentId = this.#experimentsOf(run.projectId)[0]?.experiment_id;
    if (!experimentId) {
      experimentId = String(this.experiments.size + 1);
      this.experiments.set(experimentId, {
        name: `project-${run.projectId}`,
        tags: [{ key: 'ml.project_id', value: run.projectId }],
      });
    }
    const runId = run.runId ?? randomBytes(16).toString('hex');
    this.runs.push({
      run_id: runId,
      experiment_id: experimentId,
      start_time: run.startTime ?? Date.now(),
      workloadId: run.workloadId,
      artifacts: run.artifacts ?? ['model/MLmodel', 'model/model.json'],
    });
    return runId;
  }

  /** A registered model of some project, as if made before the test. */
  addModel(name: string, projectId: string) {
    this.models.set(name, {
      name,
      tags: [{ key: 'ml.project_id', value: projectId }],
      versions: [],
      aliases: {},
    });
  }

  routes(): FakeRoute[] {
    const handlers: Record<string, FakeRoute[2]> = {
      'POST experiments/search': r => {
        const projectId = filterValue(this.#body(r).filter, 'ml.project_id');
        const experiments = this.#experimentsOf(projectId);
        return { status: 200, body: experiments.length ? { experiments } : {} };
      },
      'GET experiments/get': r => {
        const experiment = this.experiments.get(r.query.experiment_id);
        return experiment
          ? {
              status: 200,
              body: {
                experiment: {
                  experiment_id: r.query.experiment_id,
                  ...experiment,
                },
              },
            }
          : notFound(`No experiment ${r.query.experiment_id}`);
      },
      'POST runs/search': r => {
        const body = this.#body(r);
        const ids: string[] = body.experiment_ids ?? [];
        const workloadId = filterValue(body.filter, 'ml.workload_id');
        const runs = this.runs
          .filter(run => ids.includes(run.experiment_id))
          .filter(run => !workloadId || run.workloadId === workloadId)
          .sort((a, b) => b.start_time - a.start_time)
          .slice(0, body.max_results ?? 1000)
          .map(run => ({ info: this.#info(run) }));
        return { status: 200, body: runs.length ? { runs } : {} };
      },
      'GET runs/get': r => {
        const run = this.runs.find(x => x.run_id === r.query.run_id);
        return run
          ? { status: 200, body: { run: { info: this.#info(run) } } }
          : notFound(`Run '${r.query.run_id}' not found`);
      },
      'GET artifacts/list': r => {
        const run = this.runs.find(x => x.run_id === r.query.run_id);
        if (!run) return notFound(`Run '${r.query.run_id}' not found`);
        const folder = r.query.path ? `${r.query.path}/` : '';
        const children = new Set(
          run.artifacts
            .filter(path => path.startsWith(folder))
            .map(path => folder + path.slice(folder.length).split('/')[0]),
        );
        const files = [...children].map(path => ({
          path,
          is_dir: !run.artifacts.includes(path),
        }));
        return { status: 200, body: files.length ? { files } : {} };
      },
      'GET registered-models/get': r => {
        const model = this.models.get(r.query.name);
        return model
          ? { status: 200, body: { registered_model: this.#wireModel(model) } }
          : notFound(`Registered Model with name=${r.query.name} not found`);
      },
      'POST registered-models/create': r => {
        const body = this.#body(r);
        if (this.models.has(body.name)) {
          return failure(
            400,
            'RESOURCE_ALREADY_EXISTS',
            `Registered Model (name=${body.name}) already exists.`,
          );
        }
        const model = {
          name: body.name,
          tags: body.tags ?? [],
          versions: [],
          aliases: {},
        };
        this.models.set(body.name, model);
        return {
          status: 200,
          body: { registered_model: this.#wireModel(model) },
        };
      },
      'POST model-versions/create': r => {
        const body = this.#body(r);
        const model = this.models.get(body.name);
        if (!model) {
          return notFound(`Registered Model with name=${body.name} not found`);
        }
        const version = {
          version: String(model.versions.length + 1),
          source: body.source,
          run_id: body.run_id,
        };
        model.versions.push(version);
        return {
          status: 200,
          body: { model_version: { name: model.name, ...version } },
        };
      },
      'POST registered-models/alias': r => {
        const body = this.#body(r);
        const model = this.models.get(body.name);
        if (!model) {
          return notFound(`Registered Model with name=${body.name} not found`);
        }
        model.aliases[body.alias] = body.version;
        return { status: 200, body: {} };
      },
    };
    return [
      ...['GET', 'POST'].map(
        (method): FakeRoute => [
          method,
          /^\/mlflow\/api\/2\.0\/mlflow\/(.+)$/,
          (r, name) =>
            handlers[`${method} ${name}`]?.(r, name) ??
            failure(404, 'ENDPOINT_NOT_FOUND', `No endpoint ${method} ${name}`),
        ],
      ),
    ];
  }

  #experimentsOf(projectId: string | undefined) {
    return [...this.experiments]
      .filter(([, e]) =>
        e.tags.some(t => t.key === 'ml.project_id' && t.value === projectId),
      )
      .map(([id, e]) => ({ experiment_id: id, ...e }));
  }

  #body(r: RecordedRequest): any {
    return r.body ?? {};
  }

  #info(run: FakeRun) {
    return {
      run_id: run.run_id,
      experiment_id: run.experiment_id,
      start_time: run.start_time,
    };
  }

  #wireModel(model: FakeRegisteredModel) {
    return { name: model.name, tags: model.tags };
  }
}
