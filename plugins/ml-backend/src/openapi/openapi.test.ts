import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  COLLABORATOR_ROLES,
  createApplicationSchema,
  updateApplicationSchema,
  createProfileSchema,
  createProjectSchema,
  createQuotaSchema,
  createRuntimeSchema,
  createJobSchema,
  createModelAccessKeySchema,
  createModelBuildSchema,
  createModelDeploymentSchema,
  createModelSchema,
  createModelMonitorSchema,
  updateModelMonitorSchema,
  updateModelDeploymentSchema,
  updateModelSchema,
  createWorkspaceSchema,
  launchSessionSchema,
  nodeGroupSchema,
  resourceLimitsSchema,
  runJobSchema,
  updateJobSchema,
  updateProfileSchema,
  updateProjectSchema,
  updateQuotaSchema,
  updateRuntimeSchema,
  updateWorkspaceSchema,
} from '@ml-platform/plugin-ml-common';
import {
  PROFILE_SORT_FIELDS,
  PROJECT_SORT_FIELDS,
  QUOTA_SORT_FIELDS,
  RUNTIME_SORT_FIELDS,
  WORKSPACE_SORT_FIELDS,
} from '../database';
import { createApplicationsRouter } from '../applications/applicationsRouter';
import { createRouter } from '../createRouter';
import { createFilesRouter } from '../projects/filesRouter';
import { createJobsRouter } from '../workloads/jobs/jobsRouter';
import { createLineageRouter } from '../models/lineage/lineageRouter';
import { createModelsRouter } from '../models/modelsRouter';
import { createOpenApiRouter } from './openApiRouter';
import { createProjectsRouter } from '../projects/projectsRouter';
import { createRuntimesRouter } from '../platform/runtimesRouter';
import { createSessionsRouter } from '../workloads/sessions/sessionsRouter';
import { createWorkloadsRouter } from '../workloads/workloadsRouter';
import { createWorkloadApiRouter } from '../workloads/api/workloadApiRouter';
import { createMonitoringRouter } from '../models/monitoring/monitoringRouter';
import { createMonitorsRouter } from '../models/monitors/monitorsRouter';
import { createQualityRouter } from '../models/quality/qualityRouter';
import { createPromotionRouter } from '../models/promotion/promotionRouter';
import { createServingRouter } from '../models/serving/servingRouter';
import { createWorkloadMetricsRouter } from '../models/monitoring/workloadMetricsRouter';
import { createWorkspacesRouter } from '../platform/workspacesRouter';

/**
 * Keeps openapi.yaml in sync with the code: every route the routers register
 * is documented and nothing else is, the sort fields are the stores', and the
 * request body schemas have the fields of the zod schemas the routers use.
 */

const SPEC_PATH = path.resolve(__dirname, '../../openapi.yaml');
const specText = fs.readFileSync(SPEC_PATH, 'utf8');
const spec = parse(specText);

const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];
const UNAUTHENTICATED = new Set([
  'GET /openapi.json',
  'GET /openapi.yaml',
  // The model's access key is the credential of the prediction endpoints.
  'POST /model',
  'POST /projects/{projectId}/models/{modelId}/predict',
]);

type Operation = {
  key: string;
  path: string;
  method: string;
  op: any;
  pathItem: any;
};

function operations(): Operation[] {
  return Object.entries<any>(spec.paths).flatMap(([p, pathItem]) =>
    HTTP_METHODS.filter(m => pathItem[m]).map(m => ({
      key: `${m.toUpperCase()} ${p}`,
      path: p,
      method: m,
      op: pathItem[m],
      pathItem,
    })),
  );
}

/** Resolves a local `$ref` such as `#/components/schemas/Workspace`. */
function resolveRef(ref: string): unknown {
  if (!ref.startsWith('#/')) {
    return undefined;
  }
  let node: any = spec;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) {
      return undefined;
    }
    node = node[key];
  }
  return node;
}

/** Follows `$ref` and single-element `allOf` wrappers (used to add a description or default). */
function deref(schema: any): any {
  if (schema?.$ref) {
    return deref(resolveRef(schema.$ref));
  }
  if (Array.isArray(schema?.allOf) && schema.allOf.length === 1) {
    const { allOf, ...rest } = schema;
    return { ...deref(allOf[0]), ...rest };
  }
  return schema;
}

function collectRefs(
  node: unknown,
  at: string,
  out: Array<{ at: string; ref: string }>,
) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => collectRefs(child, `${at}/${i}`, out));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        out.push({ at, ref: value });
      } else {
        collectRefs(value, `${at}/${key}`, out);
      }
    }
  }
  return out;
}

/** `/workspaces/:workspace` → `/workspaces/{workspace}` */
function toOpenApiPath(expressPath: string): string {
  const converted = expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  if (/[:?*+()]/.test(converted)) {
    throw new Error(
      `Route '${expressPath}' uses express path syntax this test cannot map to OpenAPI`,
    );
  }
  return converted;
}

/** `METHOD /path` of every route in an express 4 router, descending into sub-routers mounted at '/'. */
function routesOf(router: any): string[] {
  const routes: string[] = [];
  for (const layer of router.stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path)
        ? layer.route.path
        : [layer.route.path];
      for (const routePath of paths) {
        if (typeof routePath !== 'string') {
          throw new Error(
            `Route path ${String(routePath)} is not a string; extend this test`,
          );
        }
        for (const [method, enabled] of Object.entries(layer.route.methods)) {
          if (!enabled) continue;
          if (!HTTP_METHODS.includes(method)) {
            throw new Error(
              `Route ${routePath} uses '${method}'; document each method instead`,
            );
          }
          routes.push(`${method.toUpperCase()} ${toOpenApiPath(routePath)}`);
        }
      }
    } else if (Array.isArray(layer.handle?.stack)) {
      if (!layer.regexp?.fast_slash) {
        throw new Error(
          `A sub-router is mounted at ${layer.regexp}; teach this test to prefix its routes`,
        );
      }
      routes.push(...routesOf(layer.handle));
    }
  }
  return routes;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('openapi.yaml', () => {
  it('is an OpenAPI 3 document served at /api/ml with bearer auth', () => {
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.info).toEqual(
      expect.objectContaining({
        title: expect.any(String),
        version: expect.any(String),
      }),
    );
    expect(spec.servers).toEqual([expect.objectContaining({ url: '/api/ml' })]);
    expect(spec.components.securitySchemes.bearerAuth).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    expect(spec.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(spec.paths).length).toBeGreaterThan(0);
    for (const p of Object.keys(spec.paths)) {
      expect(p).toMatch(/^\/[^?#]*$/);
      expect(p.startsWith('/api/ml')).toBe(false);
    }
  });

  it('resolves every $ref to an existing component, and uses every component', () => {
    const refs = collectRefs(spec, '#', []);
    expect(refs.length).toBeGreaterThan(0);
    const broken = refs.filter(
      ({ ref }) =>
        !ref.startsWith('#/components/') || resolveRef(ref) === undefined,
    );
    expect(broken).toEqual([]);

    const used = new Set(refs.map(r => r.ref));
    const unused: string[] = [];
    for (const kind of ['schemas', 'parameters', 'responses'] as const) {
      for (const name of Object.keys(spec.components[kind] ?? {})) {
        if (!used.has(`#/components/${kind}/${name}`))
          unused.push(`${kind}/${name}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('describes every operation: id, summary, parameters, responses and security', () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const { key, path: p, op, pathItem } of operations()) {
      const problem = (what: string) => problems.push(`${key}: ${what}`);
      if (typeof op.operationId !== 'string') problem('no operationId');
      else if (ids.has(op.operationId))
        problem(`operationId '${op.operationId}' is used twice`);
      ids.add(op.operationId);
      if (typeof op.summary !== 'string' || !op.summary) problem('no summary');

      const statuses = Object.keys(op.responses ?? {});
      if (!statuses.some(s => /^2\d\d$/.test(s))) problem('no 2xx response');
      for (const status of statuses) {
        if (!deref(op.responses[status])?.description)
          problem(`response ${status} has no description`);
      }

      // Path parameters, declared on the path or the operation, match the template.
      const params = [
        ...(pathItem.parameters ?? []),
        ...(op.parameters ?? []),
      ].map(deref);
      const declared = params
        .filter(x => x.in === 'path')
        .map(x => x.name)
        .sort();
      const inTemplate = [...p.matchAll(/\{([^}]+)\}/g)].map(m => m[1]).sort();
      if (declared.join() !== inTemplate.join()) {
        problem(
          `path parameters [${declared}] do not match the template's [${inTemplate}]`,
        );
      }
      for (const param of params) {
        if (!param.schema) problem(`parameter '${param.name}' has no schema`);
        if (param.in === 'path' && param.required !== true)
          problem(`path parameter '${param.name}' is not required`);
      }

      if (
        op.requestBody &&
        Object.keys(op.requestBody.content ?? {}).length === 0
      ) {
        problem('request body without content');
      }

      const security = JSON.stringify(op.security ?? spec.security);
      if (UNAUTHENTICATED.has(key)) {
        if (security !== '[]')
          problem('must not require a token (security: [])');
      } else if (p.startsWith('/workload-api/')) {
        // Workloads call with their own token, never a Backstage one.
        if (security !== JSON.stringify([{ workloadToken: [] }]))
          problem(`security is ${security}`);
        if (!statuses.includes('401')) problem('no 401 response');
      } else {
        // Inherits the document's bearerAuth and may not turn it off.
        if (security !== JSON.stringify([{ bearerAuth: [] }]))
          problem(`security is ${security}`);
        if (!statuses.includes('401')) problem('no 401 response');
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents exactly the routes the routers register', async () => {
    const deps = {} as any;
    const fromFactories = sorted(
      [
        createWorkspacesRouter(deps),
        createRuntimesRouter(deps),
        createProjectsRouter(deps),
        createFilesRouter(deps),
        createSessionsRouter(deps),
        createJobsRouter(deps),
        createModelsRouter(deps),
        createLineageRouter(deps),
        createWorkloadsRouter(deps),
        createWorkloadApiRouter(deps),
        createApplicationsRouter(deps),
        createServingRouter(deps),
        createMonitoringRouter(deps),
        createQualityRouter(deps),
        createMonitorsRouter(deps),
        createPromotionRouter(deps),
        createWorkloadMetricsRouter(deps),
        createOpenApiRouter(),
      ].flatMap(routesOf),
    );
    const documented = sorted(operations().map(o => o.key));

    expect(documented).toEqual(fromFactories);

    // createRouter mounts the routers above (and registers the upload body
    // parser itself); a route or router added there must be documented too.
    // Except the tracking router's: it serves MLflow's REST API 2.0, whose
    // contract is MLflow's (its protos; the README lists what is served),
    // and the MLflow access matrix checks each of its routes.
    const fromCreateRouter = sorted(
      routesOf(
        await createRouter({
          ...deps,
          tracking: { router: () => express.Router() },
          maxUploadBytes: 1024,
        }),
      ),
    );
    expect(fromCreateRouter).toEqual(fromFactories);
  });

  it("lets list operations sort by exactly the store's sort fields", () => {
    const sortFields: Record<string, string[]> = {
      listWorkspaces: WORKSPACE_SORT_FIELDS,
      listProfiles: PROFILE_SORT_FIELDS,
      listQuotas: QUOTA_SORT_FIELDS,
      listRuntimes: RUNTIME_SORT_FIELDS,
      listProjects: PROJECT_SORT_FIELDS,
    };
    // A job's runs page by offset (jobsRouter's pageQuery, which allows nothing else).
    const offsetPaged = ['listJobRuns'];
    // Prediction records page by token in time order (monitoringRouter's
    // predictionsQuery), as do a monitor's evaluations and the model's
    // history (monitorsRouter's pageQuery).
    const timePaged = [
      'listModelPredictions',
      'listModelMonitorEvaluations',
      'listModelEvents',
    ];
    const paged = operations().filter(({ op, pathItem }) =>
      [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]
        .map(deref)
        .some(p => p.name === 'page_size'),
    );
    expect(sorted(paged.map(o => o.op.operationId))).toEqual(
      sorted([...Object.keys(sortFields), ...offsetPaged, ...timePaged]),
    );

    const queryOf = (op: any): string[] =>
      sorted(
        (op.parameters ?? [])
          .map(deref)
          .filter((p: any) => p.in === 'query')
          .map((p: any) => p.name),
      );
    for (const { op } of paged.filter(o =>
      offsetPaged.includes(o.op.operationId),
    )) {
      expect([op.operationId, queryOf(op)]).toEqual([
        op.operationId,
        ['offset', 'page_size'],
      ]);
    }
    for (const { op } of paged.filter(o =>
      timePaged.includes(o.op.operationId),
    )) {
      expect(queryOf(op)).toEqual(
        expect.arrayContaining(['page_size', 'page_token']),
      );
      expect(queryOf(op)).not.toContain('offset');
    }
    for (const { op } of paged.filter(
      o =>
        !offsetPaged.includes(o.op.operationId) &&
        !timePaged.includes(o.op.operationId),
    )) {
      expect(queryOf(op)).toEqual(
        expect.arrayContaining(['filter', 'page_size', 'page_token', 'sort']),
      );
      expect(queryOf(op)).not.toContain('offset');
      const sort = (op.parameters ?? [])
        .map(deref)
        .find((p: any) => p.name === 'sort');
      const pattern: string = sort.schema.items.pattern;
      const fields = /\(([^)]*)\)/.exec(pattern)![1].split('|');
      expect([op.operationId, sorted(fields)]).toEqual([
        op.operationId,
        sorted(sortFields[op.operationId]),
      ]);
    }
    for (const { op } of paged) {
      expect(
        deref(op.responses['200'].content['application/json'].schema).required,
      ).toEqual(['items', 'total_size']);
    }
  });

  describe('request bodies match the zod schemas of ml-common', () => {
    const unwrap = (schema: any) => {
      let inner = schema;
      while (typeof inner?.unwrap === 'function') inner = inner.unwrap();
      return inner;
    };
    const bodies: Array<[string, z.ZodObject<any>]> = [
      ['CreateWorkspaceRequest', createWorkspaceSchema],
      ['UpdateWorkspaceRequest', updateWorkspaceSchema],
      ['NodeGroupInput', nodeGroupSchema as unknown as z.ZodObject<any>],
      ['ResourceLimitsInput', resourceLimitsSchema],
      [
        'CreateRuntimeRequest',
        createRuntimeSchema as unknown as z.ZodObject<any>,
      ],
      ['UpdateRuntimeRequest', updateRuntimeSchema],
      ['CreateProfileRequest', createProfileSchema],
      ['UpdateProfileRequest', updateProfileSchema],
      ['CreateQuotaRequest', createQuotaSchema],
      ['UpdateQuotaRequest', updateQuotaSchema],
      ['CreateProjectRequest', createProjectSchema],
      ['UpdateProjectRequest', updateProjectSchema],
      ['CreateJobRequest', createJobSchema],
      ['UpdateJobRequest', updateJobSchema],
      ['RunJobRequest', runJobSchema],
      ['LaunchSessionRequest', launchSessionSchema],
      ['CreateModelRequest', createModelSchema],
      ['UpdateModelRequest', updateModelSchema],
      ['CreateModelBuildRequest', createModelBuildSchema],
      ['CreateModelDeploymentRequest', createModelDeploymentSchema],
      ['UpdateModelDeploymentRequest', updateModelDeploymentSchema],
      ['CreateModelAccessKeyRequest', createModelAccessKeySchema],
      ['CreateApplicationRequest', createApplicationSchema],
      ['UpdateApplicationRequest', updateApplicationSchema],
      ['CreateModelMonitorRequest', createModelMonitorSchema],
      ['UpdateModelMonitorRequest', updateModelMonitorSchema],
    ];

    it.each(bodies)('%s', (name, zodSchema) => {
      const component = spec.components.schemas[name];
      expect(component).toBeDefined();
      const shape: Record<string, z.ZodType> = zodSchema.shape;

      expect(sorted(Object.keys(component.properties))).toEqual(
        sorted(Object.keys(shape)),
      );
      const required = Object.keys(shape).filter(
        key => !shape[key].safeParse(undefined).success,
      );
      expect(sorted(component.required ?? [])).toEqual(sorted(required));
      // .strict() refuses unknown fields.
      const strict =
        (zodSchema as any)._zod.def.catchall?._zod?.def?.type === 'never';
      expect(component.additionalProperties === false).toBe(strict);

      const enums = Object.entries(shape)
        // Enums of strings (a union's options are schemas, not values).
        .filter(([, field]) => {
          const options = unwrap(field)?.options;
          return (
            Array.isArray(options) &&
            options.every((o: unknown) => typeof o === 'string')
          );
        })
        .map(([key, field]) => ({
          key,
          spec: sorted(deref(component.properties[key]).enum ?? []),
          zod: sorted(unwrap(field).options),
        }));
      expect(enums.map(e => ({ key: e.key, values: e.spec }))).toEqual(
        enums.map(e => ({ key: e.key, values: e.zod })),
      );
    });

    it('knows every collaborator role', () => {
      expect(spec.components.schemas.CollaboratorRole.enum).toEqual([
        ...COLLABORATOR_ROLES,
      ]);
    });
  });

  describe('streaming responses', () => {
    const STREAMING = ['application/x-ndjson', 'text/event-stream'];
    const id = '3b241101-e2bb-4255-8caf-4136c566a962';
    const access = {
      user: async () => ({ ref: 'user:default/jane', credentials: {} }),
      reader: async () => ({
        principal: { type: 'user', userEntityRef: 'user:default/jane' },
      }),
      readProject: async () => ({ project: {}, credentials: {} }),
      projectFor: async () => ({
        project: {},
        caller: { ref: 'user:default/jane' },
      }),
      authorizeProject: async () => ({}),
    } as any;
    const opById = (operationId: string) =>
      operations().find(o => o.op.operationId === operationId)!.op;
    const documentedTypes = (operationId: string) =>
      sorted(Object.keys(opById(operationId).responses['200'].content));
    const mediaType = (res: request.Response) =>
      String(res.headers['content-type']).split(';')[0].trim();
    // Collects any body as text, however it is typed.
    const asText = (
      res: any,
      done: (error: Error | null, body: string) => void,
    ) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    };
    /** Server-sent events as `{ event, data }`, `data` parsed as JSON. */
    const parseSse = (text: string) =>
      text
        .split('\n\n')
        .filter(block => block.trim())
        .map(block => {
          const fields = block
            .split('\n')
            .filter(line => line)
            .map(line => /^([a-z]+): ?(.*)$/.exec(line)!);
          return {
            event: fields.find(f => f[1] === 'event')?.[2] ?? 'message',
            data: JSON.parse(
              fields
                .filter(f => f[1] === 'data')
                .map(f => f[2])
                .join('\n'),
            ),
          };
        });

    it('are documented for exactly the operations that stream', () => {
      const streaming = operations().filter(({ op }) =>
        Object.values<any>(op.responses).some(r =>
          Object.keys(deref(r).content ?? {}).some(t => STREAMING.includes(t)),
        ),
      );
      expect(sorted(streaming.map(o => o.op.operationId))).toEqual([
        'executeSessionCode',
        'getWorkloadLogs',
      ]);
    });

    it('documents the NDJSON that running code in a session answers', async () => {
      const lines = [
        { stream: 'stdout', text: '2\n' },
        { done: true, error: null },
      ];
      const sessions = {
        async *execute() {
          yield* lines.map(line => JSON.stringify(line));
        },
      };
      const app = express()
        .use(express.json())
        .use(
          createSessionsRouter({
            access,
            sessions,
            workloads: {},
            projects: {},
          } as any),
        );
      const res = await request(app)
        .post(`/projects/${id}/sessions/${id}/execute`)
        .send({ code: '1 + 1' })
        .buffer(true)
        .parse(asText)
        .expect(200);
      expect(documentedTypes('executeSessionCode')).toEqual([mediaType(res)]);
      expect(res.body).toBe(
        lines.map(line => `${JSON.stringify(line)}\n`).join(''),
      );

      // The example is NDJSON whose lines are the documented events, the last one `done`.
      const content =
        opById('executeSessionCode').responses['200'].content[
          'application/x-ndjson'
        ];
      const variants = deref(content.schema).oneOf.map(deref);
      const example = (content.example as string)
        .trim()
        .split('\n')
        .map(line => JSON.parse(line));
      for (const event of example) {
        const matching = variants.filter(
          (v: any) =>
            v.required.every((k: string) => k in event) &&
            Object.keys(event).every(k => k in v.properties),
        );
        expect([event, matching.length]).toEqual([event, 1]);
      }
      expect(example[example.length - 1]).toEqual(
        expect.objectContaining({ done: true }),
      );
    });

    it("documents a workload's log as JSON, and as server-sent events when following", async () => {
      const logLines = ['epoch 1', 'epoch 2 "done"'];
      const workloads = {
        load: async () => ({}),
        logs: async () =>
          (async function* lines() {
            yield* logLines;
          })(),
        readLog: async () => ({ lines: logLines, truncated: false }),
        openFollowStream: () => () => {},
      };
      const app = express().use(
        createWorkloadsRouter({ access, workloads } as any),
      );
      const json = await request(app).get(`/workloads/${id}/logs`).expect(200);
      expect(json.body).toEqual({ lines: logLines, truncated: false });
      expect(sorted(Object.keys(json.body))).toEqual(
        sorted(
          Object.keys(
            deref(
              opById('getWorkloadLogs').responses['200'].content[
                'application/json'
              ].schema,
            ).properties,
          ),
        ),
      );
      const sse = await request(app)
        .get(`/workloads/${id}/logs?follow=true`)
        .buffer(true)
        .parse(asText)
        .expect(200);
      expect(documentedTypes('getWorkloadLogs')).toEqual(
        sorted([mediaType(json), mediaType(sse)]),
      );

      const events = parseSse(sse.body);
      expect(events).toEqual([
        ...logLines.map(data => ({ event: 'message', data })),
        { event: 'end', data: {} },
      ]);
      // The example has the same form: lines as JSON strings, then `end`.
      const example = parseSse(
        opById('getWorkloadLogs').responses['200'].content['text/event-stream']
          .example,
      );
      expect(
        example
          .slice(0, -1)
          .every(e => e.event === 'message' && typeof e.data === 'string'),
      ).toBe(true);
      expect(example[example.length - 1]).toEqual({ event: 'end', data: {} });
    });
  });

  it('is what the OpenAPI router serves', async () => {
    const app = express().use(createOpenApiRouter());
    const json = await request(app).get('/openapi.json').expect(200);
    expect(json.body).toEqual(JSON.parse(JSON.stringify(spec)));
    const yaml = await request(app).get('/openapi.yaml').expect(200);
    expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
    expect(yaml.text).toBe(specText);
  });
});
