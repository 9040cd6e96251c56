/**
 * Catalog mirroring: 10,000 ML objects mirrored by the ML entity provider,
 * time until all are queryable from the catalog API, beside the catalog's own
 * processing rate for 10,000 plain Components measured in the same run.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/catalog.ts [options]
 *
 * Options: --projects 500  --models 8 (per project)  --datasets 2 (per project)
 *          --max-seconds 170  time budget, half for each run; a run that runs
 *                             out reports how many entities it had by then
 *          --poll-ms 1000     how often the catalog is asked for its count
 *          --order plain,ml   which run goes first (the other second)
 *          --pg <url>   the catalog on Postgres (a new database per run) instead
 *                       of in-memory SQLite; the env var
 *                       BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
 *                       works too (yarn bench:catalog:pg sets it)
 *
 * What happens, twice, each time in a fresh backend (startTestBackend with
 * the real catalog plugin on a fresh in-memory SQLite database, or a fresh
 * Postgres database with --pg):
 *
 * - plain: a provider module applies one full mutation of N plain
 *   Components (type service, an owner: two relations each), N being the
 *   number of entities the ML run makes.
 * - ml: the real catalogModuleMl reads a fake ML backend on a loopback port
 *   over HTTP (the same REST shapes as the ML backend: workspaces, runtimes,
 *   projects, per project its models, jobs and applications, per model its
 *   builds and deployments) and applies one full mutation: per project a
 *   Project, its models (Model + API with an OpenAPI spec from the build's
 *   examples), one application (Component consuming a model's API) and its
 *   datasets (Resources), plus the workspace and the runtime. These carry
 *   partOf/hasPart, dependsOn/dependencyOf, providesApi/apiProvidedBy and
 *   consumesApi/apiConsumedBy relations besides ownership.
 *
 * Clock: from the backend's start (the providers connect during start-up)
 * until a catalog query (`GET /entities/by-query?filter=...&limit=1`,
 * polled every second: each poll is a count on the catalog's database, which
 * the processing shares) reports every entity, i.e. processed and stitched.
 * The reading of the fake ML backend alone is timed too, with the module's
 * own reader, before the runs.
 *
 * Nothing here asserts timing: it prints figures and the ratio of the two
 * runs' rates.
 */
import {
  createBackendModule,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
} from '@backstage/plugin-catalog-node';
import { AddressInfo } from 'node:net';
import {
  application,
  build,
  catalogModuleMl,
  demoWorkspace,
  deployment,
  FakeMlBackend,
  MlPlatformReader,
  model,
  project,
  python,
} from '@ml-platform/plugin-catalog-backend-module-ml/testUtils';
import {
  Deadline,
  fmt,
  header,
  machine,
  numberArg,
  parseArgs,
} from './lib/util';
import { DefaultMlService } from '@ml-platform/plugin-ml-node';

const args = parseArgs();
const PROJECTS = numberArg(args, 'projects', 500);
const MODELS = numberArg(args, 'models', 8);
const DATASETS = numberArg(args, 'datasets', 2);
const MAX_SECONDS = numberArg(args, 'max-seconds', 170);
const POLL_MS = numberArg(args, 'poll-ms', 1000);
const order = String(args.get('order') ?? 'plain,ml').split(',');
const pgUrl =
  typeof args.get('pg') === 'string'
    ? (args.get('pg') as string)
    : process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

/** A fresh database for each run: a new database prefix on Postgres. */
function databaseConfig(run: string) {
  if (!pgUrl) {
    return { client: 'better-sqlite3', connection: ':memory:' };
  }
  return {
    client: 'pg',
    connection: pgUrl,
    prefix: `bench_catalog_${run}_${Date.now()}_`,
  };
}

function uuid(prefix: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

/** Fills the fake ML backend; returns how many entities the provider makes. */
function fillMl(ml: FakeMlBackend): number {
  ml.workspaces = [demoWorkspace];
  ml.runtimes = [python];
  const projects = [];
  for (let p = 0; p < PROJECTS; p++) {
    const proj = project(uuid(1, p), `project-${p}`);
    projects.push(proj);
    const tables = Array.from(
      { length: DATASETS },
      (_, d) => `warehouse.p${p}_table_${d}`,
    );
    const models = [];
    for (let m = 0; m < MODELS; m++) {
      const id = uuid(2, p * MODELS + m);
      const buildId = uuid(3, p * MODELS + m);
      const deploymentId = uuid(4, p * MODELS + m);
      models.push(
        model(id, proj.id, `model-${m}`, { activeDeploymentId: deploymentId }),
      );
      ml.builds.set(id, [build(buildId, id, 1, { datasets: tables })]);
      ml.deployments.set(id, [deployment(deploymentId, id, buildId)]);
    }
    ml.models.set(proj.id, models);
    ml.applications.set(proj.id, [
      application(uuid(5, p), proj.id, `app-${p}`, {
        env: { ML_MODEL_NAME: 'model-0' },
      }),
    ]);
  }
  // One page: the ML backend pages by 500.
  ml.projectPages = [];
  for (let i = 0; i < projects.length; i += 500) {
    ml.projectPages.push(projects.slice(i, i + 500));
  }
  // workspace + runtime + per project: project, its System, models and APIs,
  // app, datasets
  return 2 + PROJECTS * (2 + 2 * MODELS + 1 + DATASETS);
}

function plainProvider(count: number): EntityProvider {
  return {
    getProviderName: () => 'BenchPlainProvider',
    async connect(connection) {
      const entities = Array.from({ length: count }, (_, i) => ({
        locationKey: 'bench-plain',
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: `component-${i}`,
            annotations: {
              'backstage.io/managed-by-location': 'bench:plain',
              'backstage.io/managed-by-origin-location': 'bench:plain',
            },
          },
          spec: {
            type: 'service',
            lifecycle: 'production',
            owner: `group:default/team-${i % 50}`,
          },
        },
      }));
      await connection.applyMutation({ type: 'full', entities });
    },
  };
}

function sharedFeatures(mlUrl: string, runName: string) {
  return [
    catalogPlugin,
    createServiceFactory({
      service: coreServices.discovery,
      deps: {},
      factory: () => ({
        getBaseUrl: async (pluginId: string) =>
          pluginId === 'ml' ? mlUrl : `http://127.0.0.1/api/${pluginId}`,
        getExternalBaseUrl: async (pluginId: string) =>
          `http://127.0.0.1/api/${pluginId}`,
      }),
    }),
    mockServices.rootConfig.factory({
      data: {
        backend: { database: databaseConfig(runName) },
        catalog: {
          providers: {
            ml: {
              schedule: {
                frequency: { hours: 1 },
                timeout: { minutes: 10 },
              },
            },
          },
        },
      },
    }),
  ];
}

interface RunResult {
  name: string;
  entities: number;
  seconds: number;
  complete: boolean;
  /** [seconds, count] samples, to see the curve. */
  samples: Array<[number, number]>;
}

async function run(
  name: string,
  features: any[],
  filter: string,
  expected: number,
): Promise<RunResult> {
  const deadline = new Deadline(MAX_SECONDS / 2);
  const started = Date.now();
  const backend = await startTestBackend({ features });
  const { port } = backend.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/catalog/entities/by-query?filter=${encodeURIComponent(
    filter,
  )}&limit=1`;
  const samples: Array<[number, number]> = [];
  let count = 0;
  let lastPrint = 0;
  try {
    while (!deadline.expired) {
      const res = await fetch(url, {
        headers: { Authorization: mockCredentials.user.header() },
      });
      if (res.ok) {
        count = ((await res.json()) as { totalItems: number }).totalItems;
        const at = (Date.now() - started) / 1000;
        if (samples.length === 0 || samples[samples.length - 1][1] !== count) {
          samples.push([at, count]);
        }
        if (at - lastPrint >= 30) {
          lastPrint = at;
          console.log(
            `  ${name}: ${fmt(count, 0)} queryable after ${fmt(at, 0)} s`,
          );
        }
        if (count >= expected) break;
      }
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await backend.stop();
  }
  const seconds = (Date.now() - started) / 1000;
  return {
    name,
    entities: count,
    seconds,
    complete: count >= expected,
    samples,
  };
}

function describe(result: RunResult, expected: number) {
  const rate = result.entities / result.seconds;
  console.log(
    `${result.name.padEnd(6)} ${fmt(result.entities, 0)}/${fmt(
      expected,
      0,
    )} entities queryable after ${fmt(result.seconds)} s: ${fmt(
      rate,
      0,
    )} entities/s${result.complete ? '' : ' (budget ran out)'}`,
  );
  const curve = result.samples
    .filter(
      (_, i, all) =>
        i % Math.ceil(all.length / 8) === 0 || i === all.length - 1,
    )
    .map(([s, n]) => `${fmt(s)}s:${n}`)
    .join(' ');
  console.log(`       curve ${curve}`);
  return rate;
}

async function main() {
  header('bench/catalog: 10,000 ML objects mirrored into the catalog');
  console.log(machine());
  console.log(`catalog database: ${pgUrl ? 'Postgres' : 'in-memory SQLite'}`);
  const ml = new FakeMlBackend();
  const mlUrl = await ml.start();
  const expected = fillMl(ml);
  console.log(
    `${PROJECTS} projects x (${MODELS} models + their APIs, 1 application, ${DATASETS} datasets) + workspace + runtime = ${fmt(
      expected,
      0,
    )} entities`,
  );

  // The reading alone, with the module's reader, over loopback HTTP.
  const reader = new MlPlatformReader({
    ml: new DefaultMlService({
      discovery: {
        getBaseUrl: async () => mlUrl,
        getExternalBaseUrl: async () => mlUrl,
      },
      auth: mockServices.auth(),
    }),
    auth: mockServices.auth(),
  });
  ml.requests.length = 0;
  const readStart = Date.now();
  const snapshot = await reader.read();
  const readSeconds = (Date.now() - readStart) / 1000;
  console.log(
    `read   ${snapshot.projects.length} projects and ${fmt(
      snapshot.projects.reduce((n, p) => n + p.models.length, 0),
      0,
    )} models in ${ml.requests.length} requests: ${fmt(readSeconds, 2)} s`,
  );

  const results = new Map<string, RunResult>();
  for (const which of order) {
    if (which === 'plain') {
      const plainModule = createBackendModule({
        pluginId: 'catalog',
        moduleId: 'bench-plain',
        register(reg) {
          reg.registerInit({
            deps: { catalog: catalogProcessingExtensionPoint },
            async init({ catalog }) {
              catalog.addEntityProvider(plainProvider(expected));
            },
          });
        },
      });
      results.set(
        'plain',
        await run(
          'plain',
          [...sharedFeatures(mlUrl, 'plain'), plainModule],
          'kind=component,metadata.annotations.backstage.io/managed-by-location=bench:plain',
          expected,
        ),
      );
    } else if (which === 'ml') {
      results.set(
        'ml',
        await run(
          'ml',
          [...sharedFeatures(mlUrl, 'ml'), catalogModuleMl],
          `metadata.annotations.backstage.io/managed-by-location=ml-platform:${mlUrl}`,
          expected,
        ),
      );
    }
  }
  await ml.stop();

  console.log('');
  const plain = results.get('plain');
  const mlRun = results.get('ml');
  const plainRate = plain ? describe(plain, expected) : NaN;
  const mlRate = mlRun ? describe(mlRun, expected) : NaN;
  if (plain && mlRun) {
    console.log(
      `\nml / plain time: ${fmt(
        mlRun.seconds / plain.seconds,
        2,
      )}x (goal <= 1.5x); ml rate is ${fmt(
        (100 * mlRate) / plainRate,
        0,
      )} % of plain; ml total ${fmt(mlRun.seconds)} s (goal <= 60 s)`,
    );
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
