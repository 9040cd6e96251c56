import { Model, ModelExample } from '@ml-platform/plugin-ml-common';

/** A JSON object of an OpenAPI document. */
type JsonObject = { [key: string]: unknown };

/** An OpenAPI 3.0 schema object, as far as examples can tell. */
export type ExampleSchema = JsonObject;

function schemaOfValue(value: unknown): ExampleSchema {
  if (value === null || value === undefined) {
    return { nullable: true };
  }
  if (typeof value === 'boolean') {
    return { type: 'boolean' };
  }
  if (typeof value === 'number') {
    return { type: Number.isInteger(value) ? 'integer' : 'number' };
  }
  if (typeof value === 'string') {
    return { type: 'string' };
  }
  if (Array.isArray(value)) {
    const items = value
      .map(schemaOfValue)
      .reduce<ExampleSchema | undefined>(
        (merged, item) => (merged ? mergeSchemas(merged, item) : item),
        undefined,
      );
    return { type: 'array', items: items ?? {} };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return {
    type: 'object',
    properties: Object.fromEntries(
      entries.map(([key, v]) => [key, schemaOfValue(v)]),
    ),
    required: entries.filter(([, v]) => v !== undefined).map(([key]) => key),
  };
}

/**
 * The schema that admits what both schemas admit: objects keep every
 * property and require only what both require; integers and numbers make
 * numbers; values of different types make an unconstrained schema.
 */
function mergeSchemas(a: ExampleSchema, b: ExampleSchema): ExampleSchema {
  if (a.nullable && Object.keys(a).length === 1) {
    return { ...b, nullable: true };
  }
  if (b.nullable && Object.keys(b).length === 1) {
    return { ...a, nullable: true };
  }
  const nullable = a.nullable || b.nullable ? { nullable: true } : {};
  const numeric = ['integer', 'number'];
  if (a.type !== b.type) {
    if (
      numeric.includes(a.type as string) &&
      numeric.includes(b.type as string)
    ) {
      return { type: 'number', ...nullable };
    }
    return {};
  }
  if (a.type === 'array') {
    return {
      type: 'array',
      items: mergeSchemas(a.items as ExampleSchema, b.items as ExampleSchema),
      ...nullable,
    };
  }
  if (a.type === 'object') {
    const aProps = a.properties as Record<string, ExampleSchema>;
    const bProps = b.properties as Record<string, ExampleSchema>;
    const keys = [...new Set([...Object.keys(aProps), ...Object.keys(bProps)])];
    const bRequired = b.required as string[];
    return {
      type: 'object',
      properties: Object.fromEntries(
        keys.map(key => [
          key,
          aProps[key] && bProps[key]
            ? mergeSchemas(aProps[key], bProps[key])
            : aProps[key] ?? bProps[key],
        ]),
      ),
      required: (a.required as string[]).filter(key => bRequired.includes(key)),
      ...nullable,
    };
  }
  return { ...a, ...nullable };
}

/**
 * The schema that all the values match, inferred from examples: the shape of
 * a model's requests or responses.
 */
export function schemaFromExamples(values: unknown[]): ExampleSchema {
  const schemas = values.map(schemaOfValue);
  return schemas.length === 0 ? {} : schemas.reduce(mergeSchemas);
}

function namedExamples(values: unknown[]): JsonObject {
  return Object.fromEntries(
    values.map((value, i) => [`example${i + 1}`, { value: value ?? null }]),
  );
}

/** What the spec describes: the model, where it is served, its examples. */
export interface ModelApiSpecInput {
  model: Pick<
    Model,
    'id' | 'projectId' | 'name' | 'description' | 'disableAuthentication'
  >;
  /** The project's name, for the title. */
  projectName: string;
  /** The ML backend's REST base URL, e.g. `http://localhost:7007/api/ml`. */
  baseUrl: string;
  /** The examples of the build the endpoint serves. */
  examples: ModelExample[];
  /** e.g. "build 3"; the API's version. */
  version: string;
}

/**
 * An OpenAPI 3.0 document for a model's endpoint, made from its build's
 * examples: each request (and response, where the example has one) becomes
 * an example, and the schemas are what the examples have in common. It
 * describes both ways in: the project-scoped `predict` route (Backstage
 * credentials) and the CML-compatible `POST /model` with an access key.
 */
export function openApiFromExamples(input: ModelApiSpecInput): JsonObject {
  const { model, examples } = input;
  const requests = examples.map(e => e.request);
  const responses = examples
    .filter(e => e.response !== undefined)
    .map(e => e.response);
  const requestSchema = schemaFromExamples(requests);
  const responseSchema = schemaFromExamples(responses);
  const predictionResponse: JsonObject = {
    type: 'object',
    required: ['success', 'uuid', 'replica'],
    properties: {
      success: { type: 'boolean' },
      response: responseSchema,
      uuid: { type: 'string', format: 'uuid' },
      replica: { type: 'integer' },
      error: {
        type: 'object',
        properties: { name: { type: 'string' }, message: { type: 'string' } },
      },
    },
  };
  const wrapResponses = (values: unknown[]) =>
    values.map((response, i) => ({
      success: true,
      response,
      uuid: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      replica: 0,
    }));
  const errorResponses: JsonObject = {
    '400': { description: 'The request is not valid JSON or not an object.' },
    '401': { description: 'No valid credentials or access key.' },
    '413': { description: 'The request body is larger than 5 MB.' },
    '429': { description: 'Every replica is busy (`model.busy`).' },
    '503': { description: 'The model has no running deployment.' },
  };
  const okResponse = (schema: JsonObject): JsonObject => ({
    description: 'The prediction.',
    content: {
      'application/json': {
        schema,
        ...(responses.length > 0
          ? { examples: namedExamples(wrapResponses(responses)) }
          : {}),
      },
    },
  });

  return {
    openapi: '3.0.3',
    info: {
      title: `${model.name} (${input.projectName})`,
      version: input.version,
      description:
        model.description ||
        `Predictions of the model ${model.name} of the ML project ${input.projectName}.`,
    },
    servers: [{ url: input.baseUrl }],
    paths: {
      [`/projects/${model.projectId}/models/${model.id}/predict`]: {
        post: {
          operationId: 'predict',
          summary: `Get a prediction from ${model.name}`,
          ...(model.disableAuthentication ? { security: [] } : {}),
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: requestSchema,
                ...(requests.length > 0
                  ? { examples: namedExamples(requests) }
                  : {}),
              },
            },
          },
          responses: {
            '200': okResponse(predictionResponse),
            ...errorResponses,
          },
        },
      },
      '/model': {
        post: {
          operationId: 'predictWithAccessKey',
          summary: `Get a prediction from ${model.name} (CML-compatible, with an access key)`,
          security: [],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['accessKey', 'request'],
                  properties: {
                    accessKey: {
                      type: 'string',
                      description: "One of the model's access keys.",
                    },
                    request: requestSchema,
                  },
                },
                ...(requests.length > 0
                  ? {
                      examples: namedExamples(
                        requests.map(request => ({
                          accessKey: '<access key>',
                          request,
                        })),
                      ),
                    }
                  : {}),
              },
            },
          },
          responses: {
            '200': okResponse(predictionResponse),
            ...errorResponses,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        backstage: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ backstage: [] }],
  };
}
