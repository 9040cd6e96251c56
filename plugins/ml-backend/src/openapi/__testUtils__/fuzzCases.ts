/**
 * Malformed requests for every operation of an OpenAPI document, for the
 * fuzz test (router/fuzz.test.ts). Deterministic: a seeded generator picks
 * which bad values each field gets, so a failure names a case that comes
 * back on every run.
 */

/** One request to send. */
export interface FuzzCase {
  operation: string;
  name: string;
  method: string;
  /** The path and query as sent (already encoded). */
  url: string;
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

/** What the generator needs to know about one operation. */
export interface FuzzOperation {
  key: string;
  method: string;
  /** The path template, e.g. `/projects/{projectId}/jobs`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Property names of the JSON body, when it has one. */
  bodyProperties?: string[];
  /** The body is bytes (uploads): no JSON cases. */
  rawBody?: boolean;
  /** Values that make the request otherwise valid. */
  valid: {
    path: Record<string, string>;
    query?: Record<string, string>;
    body?: Record<string, unknown>;
  };
  headers?: Record<string, string>;
}

/** mulberry32: a small, fast, seeded generator. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, from: readonly T[], count: number): T[] {
  const pool = [...from];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) {
    out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  }
  return out;
}

/**
 * Deeply nested JSON is written as text: building and serializing it as
 * values would overflow this process's stack before the server sees it.
 * A value holds a placeholder that `toJson` swaps for the text.
 */
const DEEP: Record<string, string> = {
  '\u0000deep-object': `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`,
  '\u0000deep-array': `${'['.repeat(5_000)}1${']'.repeat(5_000)}`,
};
const nested = (kind: 'array' | 'object') => `\u0000deep-${kind}`;

function toJson(value: unknown): string {
  let text = JSON.stringify(value);
  for (const [marker, deep] of Object.entries(DEEP)) {
    text = text.split(JSON.stringify(marker)).join(deep);
  }
  return text;
}

const LONG = 'x'.repeat(100_000);

/** Wrong types, huge and negative numbers, long and odd strings, deep nesting. */
export const BAD_VALUES: ReadonlyArray<[string, unknown]> = [
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['-1', -1],
  ['0', 0],
  ['1.5', 1.5],
  ['max safe + 2', Number.MAX_SAFE_INTEGER + 2],
  ['8.7e15 (past the last JavaScript date)', 8.7e15],
  ['long string', LONG],
  ['empty string', ''],
  ['path traversal', '../../../etc/passwd'],
  ['NUL and unicode', 'ä\u0000\u202e😀'],
  ['true', true],
  ['null', null],
  ['empty array', []],
  ['empty object', {}],
  ['array of 10k', Array.from({ length: 10_000 }, (_, i) => i)],
  ['deep object', nested('object')],
  ['object with odd keys', { '': 1, __proto__x: 2, 'a.b': 3, '0': [] }],
  ['sql-ish', "' OR 1=1 --"],
  ['template-ish', '${process.exit(1)}{{7*7}}'],
];

/** Path segment values: as sent (already encoded where they need to be). */
export const BAD_SEGMENTS: readonly string[] = [
  'nope',
  '%2E%2E',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(3_000),
  '-1',
  '1e308',
  encodeURIComponent('ä😀'),
  '%00',
  '00000000-0000-4000-8000-000000000000',
  encodeURIComponent("' OR 1=1 --"),
  '%20',
  'NaN',
  `${'a'.repeat(300)}`,
  '__proto__',
];

/** Query values: as sent (already encoded). */
export const BAD_QUERY_VALUES: readonly string[] = [
  '',
  'x'.repeat(5_000),
  '-1',
  '1e308',
  '8.7e15',
  '9'.repeat(400),
  '..%2F..%2Fetc',
  encodeURIComponent('ä😀\u0000'),
  'null',
  '%7B%7D',
  '0x10',
  'NaN',
  '%zz',
];

function fillPath(
  op: FuzzOperation,
  override: Record<string, string> = {},
): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name) =>
    name in override
      ? override[name]
      : encodeURIComponent(op.valid.path[name] ?? 'missing'),
  );
}

function validQuery(op: FuzzOperation): string[] {
  return Object.entries(op.valid.query ?? {}).map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
  );
}

function withQuery(path: string, parts: string[]): string {
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** The valid body (or none) for cases about the path or query. */
function plainBody(op: FuzzOperation): Pick<FuzzCase, 'body' | 'contentType'> {
  if (op.rawBody)
    return {
      body: Buffer.from('fuzz'),
      contentType: 'application/octet-stream',
    };
  if (op.method === 'get' || op.method === 'delete') return {};
  return {
    body: JSON.stringify(op.valid.body ?? {}),
    contentType: 'application/json',
  };
}

/** Every case of one operation. */
export function casesFor(
  op: FuzzOperation,
  random: () => number,
  /** How many bad values each path parameter, query parameter and body field gets. */
  width = 6,
): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const add = (
    name: string,
    rest: Omit<FuzzCase, 'operation' | 'name' | 'method'>,
  ) =>
    cases.push({
      operation: op.key,
      name,
      method: op.method,
      ...rest,
      headers: { ...op.headers, ...rest.headers },
    });
  const base = withQuery(fillPath(op), validQuery(op));

  // Bad path ids, one parameter at a time.
  for (const param of op.pathParams) {
    for (const segment of pick(random, BAD_SEGMENTS, width)) {
      add(`path ${param}=${segment.slice(0, 30)}`, {
        url: withQuery(fillPath(op, { [param]: segment }), validQuery(op)),
        ...plainBody(op),
      });
    }
  }

  // Odd query strings.
  const sep = base.includes('?') ? '&' : '?';
  const generic: Array<[string, string]> = [
    ['unknown parameter', 'zzz_unknown=1'],
    ['bare separators', '&&=&'],
    ['bad percent-encoding', '%zz=%zz'],
    ['nested object', 'a[b][c][d][e][f]=1'],
  ];
  for (const [name, query] of generic) {
    add(`query ${name}`, { url: `${base}${sep}${query}`, ...plainBody(op) });
  }
  for (const param of op.queryParams) {
    const others = validQuery(op).filter(
      p => !p.startsWith(`${encodeURIComponent(param)}=`),
    );
    const at = (parts: string[]) =>
      withQuery(fillPath(op), [...others, ...parts]);
    add(`query ${param} repeated`, {
      url: at([`${param}=1`, `${param}=2`]),
      ...plainBody(op),
    });
    add(`query ${param}[] array`, {
      url: at([`${param}[]=1`, `${param}[]=2`]),
      ...plainBody(op),
    });
    add(`query ${param}[x] object`, {
      url: at([`${param}[x]=1`]),
      ...plainBody(op),
    });
    for (const value of pick(random, BAD_QUERY_VALUES, width)) {
      add(`query ${param}=${value.slice(0, 30)}`, {
        url: at([`${param}=${value}`]),
        ...plainBody(op),
      });
    }
  }

  if (op.rawBody) {
    add('body random bytes', {
      url: base,
      body: Buffer.from(
        Array.from({ length: 4096 }, () => Math.floor(random() * 256)),
      ),
      contentType: 'application/octet-stream',
    });
    add('body as JSON', {
      url: base,
      body: '{"a": [1, 2]}',
      contentType: 'application/json',
    });
    return cases;
  }
  if (!op.bodyProperties) return cases;

  // Malformed bodies.
  const json = (name: string, value: unknown) =>
    add(`body ${name}`, {
      url: base,
      body: toJson(value),
      contentType: 'application/json',
    });
  add('body not JSON', {
    url: base,
    body: '{"a": 1,',
    contentType: 'application/json',
  });
  add('body as text', { url: base, body: 'hello', contentType: 'text/plain' });
  add('body empty', { url: base, body: '', contentType: 'application/json' });
  for (const [name, value] of [
    ['null', null],
    ['array', []],
    ['string', 'body'],
    ['1e308', 1e308],
    ['empty object', {}],
    ['unknown field', { ...op.valid.body, zzzUnknown: 1 }],
    ['deep arrays', nested('array')],
  ] as Array<[string, unknown]>) {
    json(name, value);
  }
  // Wrong types and huge values, one field at a time, the others valid.
  for (const property of op.bodyProperties) {
    for (const [name, value] of pick(random, BAD_VALUES, width)) {
      json(`${property}=${name}`, { ...op.valid.body, [property]: value });
    }
  }
  return cases;
}
