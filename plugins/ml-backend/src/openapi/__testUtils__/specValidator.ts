import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import { parse } from 'yaml';

/**
 * Checks what the ML backend answers against what openapi.yaml says it
 * answers. The spec's response schemas are turned into closed JSON schemas
 * first: an object schema that lists its properties gets
 * `additionalProperties: false` unless it says otherwise, so a field the
 * server returns but the spec does not describe fails, as does a missing
 * required one.
 */

export const SPEC_PATH = resolvePackagePath(
  '@ml-platform/plugin-ml-backend',
  'openapi.yaml',
);

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** One operation of the spec. */
export interface SpecOperation {
  /** `METHOD /path/{param}` */
  key: string;
  method: string;
  path: string;
  operationId: string;
  responses: Record<string, any>;
  pathParams: string[];
}

/** What checking one response found. */
export interface ResponseCheck {
  operation: SpecOperation;
  status: number;
  /** Where the body broke the schema; empty when it matched. */
  problems: string[];
}

type JsonSchema = Record<string, any>;

// OpenAPI 3.0 keywords that are no JSON Schema and mean nothing to a check.
const ANNOTATIONS = ['example', 'discriminator', 'xml', 'externalDocs'];

/** The `$ref`s followed so far plus `ref`; throws when `ref` loops back. */
function followed(refs: string[], ref: string): string[] {
  if (refs.includes(ref)) {
    throw new Error(`Recursive schema ${[...refs, ref].join(' -> ')}`);
  }
  return [...refs, ref];
}

export class SpecValidator {
  readonly operations: SpecOperation[];
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  static fromFile(specPath: string = SPEC_PATH): SpecValidator {
    return new SpecValidator(parse(fs.readFileSync(specPath, 'utf8')));
  }

  constructor(private readonly spec: any) {
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
    this.operations = Object.entries<any>(spec.paths).flatMap(
      ([specPath, pathItem]) =>
        HTTP_METHODS.filter(method => pathItem[method]).map(method => ({
          key: `${method.toUpperCase()} ${specPath}`,
          method: method.toUpperCase(),
          path: specPath,
          operationId: pathItem[method].operationId,
          responses: pathItem[method].responses ?? {},
          pathParams: [...specPath.matchAll(/\{([^}]+)\}/g)].map(m => m[1]),
        })),
    );
  }

  /**
   * The operation a request went to: `url` is below the API's base path
   * (`/projects/1/jobs?x=1`). A literal segment wins over a parameter, as in
   * the routers.
   */
  findOperation(method: string, url: string): SpecOperation | undefined {
    const segments = url.split('?')[0].split('/');
    const candidates = this.operations.filter(operation => {
      if (operation.method !== method.toUpperCase()) return false;
      const template = operation.path.split('/');
      return (
        template.length === segments.length &&
        template.every(
          (part, i) => /^\{[^}]+\}$/.test(part) || part === segments[i],
        )
      );
    });
    return candidates.sort(
      (a, b) => a.pathParams.length - b.pathParams.length,
    )[0];
  }

  /**
   * The JSON schema of an operation's answer with this status, closed; or
   * undefined when the spec describes no JSON body for it.
   */
  responseSchema(
    operation: SpecOperation,
    status: number,
  ): JsonSchema | undefined {
    const response = this.deref(operation.responses[String(status)]);
    const schema = response?.content?.['application/json']?.schema;
    return schema ? this.closed(schema, []) : undefined;
  }

  /** Checks one answer of the server against the spec. */
  checkResponse(
    operation: SpecOperation,
    status: number,
    body: unknown,
    contentType: string | undefined,
  ): ResponseCheck {
    const problems: string[] = [];
    const response = this.deref(operation.responses[String(status)]);
    if (!response) {
      problems.push(`status ${status} is not described`);
      return { operation, status, problems };
    }
    const described = Object.keys(response.content ?? {});
    const mediaType = contentType?.split(';')[0].trim();
    if (described.length === 0) {
      if (mediaType) problems.push(`answered ${mediaType}, described no body`);
    } else if (!mediaType || !described.includes(mediaType)) {
      problems.push(
        `answered ${mediaType ?? 'no body'}, described ${described.join(', ')}`,
      );
    } else if (mediaType === 'application/json') {
      const validate = this.validatorFor(operation, status);
      if (!validate(body)) {
        for (const error of validate.errors ?? []) {
          const extra =
            error.keyword === 'additionalProperties'
              ? ` '${(error.params as any).additionalProperty}'`
              : '';
          problems.push(
            `body${error.instancePath} ${error.message}${extra}`.trim(),
          );
        }
      }
    }
    return { operation, status, problems };
  }

  private validatorFor(
    operation: SpecOperation,
    status: number,
  ): ValidateFunction {
    const id = `${operation.key} ${status}`;
    let validate = this.validators.get(id);
    if (!validate) {
      validate = this.ajv.compile(this.responseSchema(operation, status)!);
      this.validators.set(id, validate);
    }
    return validate;
  }

  private resolve(ref: string): any {
    if (!ref.startsWith('#/')) {
      throw new Error(`Only local $refs are supported, not '${ref}'`);
    }
    let node = this.spec;
    for (const key of ref.slice(2).split('/')) {
      node = node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (node === undefined) throw new Error(`Unresolved $ref '${ref}'`);
    return node;
  }

  private deref(node: any): any {
    return node?.$ref ? this.deref(this.resolve(node.$ref)) : node;
  }

  /**
   * Inlines `$ref`s, merges `allOf` members into one schema (so closing
   * one member cannot refuse the others' properties), turns `nullable` into
   * JSON Schema and closes object schemas that list their properties.
   */
  private closed(node: JsonSchema, refs: string[]): JsonSchema {
    if (node.$ref) {
      return this.closed(this.resolve(node.$ref), followed(refs, node.$ref));
    }
    const schema: JsonSchema = { ...this.open(node, refs) };
    for (const keyword of ANNOTATIONS) delete schema[keyword];
    if (schema.nullable === true) {
      const { nullable, ...rest } = schema;
      return { anyOf: [this.closed(rest, refs), { type: 'null' }] };
    }
    delete schema.nullable;

    for (const keyword of ['oneOf', 'anyOf'] as const) {
      if (Array.isArray(schema[keyword])) {
        schema[keyword] = schema[keyword].map((member: any) =>
          this.closed(member, refs),
        );
      }
    }
    if (schema.items) schema.items = this.closed(schema.items, refs);
    if (schema.properties) {
      schema.properties = Object.fromEntries(
        Object.entries<any>(schema.properties).map(([name, property]) => [
          name,
          this.closed(property, refs),
        ]),
      );
      if (schema.additionalProperties === undefined) {
        schema.additionalProperties = false;
      }
    }
    if (
      schema.additionalProperties &&
      typeof schema.additionalProperties === 'object'
    ) {
      schema.additionalProperties = this.closed(
        schema.additionalProperties,
        refs,
      );
    }
    return schema;
  }

  /** A member of an `allOf` with its `$ref`s followed but not yet closed. */
  private open(node: JsonSchema, refs: string[]): JsonSchema {
    if (node.$ref) {
      return this.open(this.resolve(node.$ref), followed(refs, node.$ref));
    }
    if (Array.isArray(node.allOf)) {
      const { allOf, ...rest } = node;
      return [...allOf, rest]
        .map(member => this.open(member, refs))
        .reduce(mergeSchemas, {});
    }
    return node;
  }
}

function mergeSchemas(into: JsonSchema, next: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...into, ...next };
  if (into.properties || next.properties) {
    merged.properties = { ...into.properties, ...next.properties };
  }
  if (into.required || next.required) {
    merged.required = [
      ...new Set([...(into.required ?? []), ...(next.required ?? [])]),
    ];
  }
  return merged;
}
