import { InputError } from '@backstage/errors';
import { z } from 'zod';

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number'
        ? `[${part}]`
        : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** A place in the input, linked to its parent: no path copied per node. */
interface Place {
  node: unknown;
  key?: PropertyKey;
  parent?: Place;
}

function pathOf(place: Place | undefined): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (let p = place; p?.parent; p = p.parent) out.unshift(p.key!);
  return out;
}

/**
 * Where the first string (or key) with a NUL character is, or undefined.
 * Iterative and linear: a body may nest deeper than the stack goes.
 */
function findNul(value: unknown): PropertyKey[] | undefined {
  const stack: Place[] = [{ node: value }];
  while (stack.length > 0) {
    const place = stack.pop()!;
    const { node } = place;
    if (typeof node === 'string') {
      if (node.includes('\0')) return pathOf(place);
    } else if (Array.isArray(node)) {
      node.forEach((child, i) =>
        stack.push({ node: child, key: i, parent: place }),
      );
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key.includes('\0')) return pathOf(place);
        stack.push({ node: child, key, parent: place });
      }
    }
  }
  return undefined;
}

/**
 * Validates request input against a schema, and on failure throws an
 * InputError that names each wrong field: "nodeGroups[0].maxNodes: maxNodes
 * must be at least minNodes".
 *
 * Text with a NUL character is refused everywhere first: PostgreSQL cannot
 * store it (an insert fails, which was a 500), and no name, path or command
 * means anything with one. `allowNul` is for input that is passed on and
 * never stored (a model's prediction request).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: 'body' | 'query' | 'path',
  options: { allowNul?: boolean } = {},
): z.output<S> {
  const nulAt = options.allowNul ? undefined : findNul(value);
  if (nulAt) {
    const where = formatPath(nulAt);
    throw new InputError(
      `Invalid request ${what}: ${
        where ? `${where}: ` : ''
      }must not contain the NUL character (\\u0000)`,
    );
  }
  const result = schema.safeParse(value ?? (what === 'body' ? undefined : {}));
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.slice(0, 5).map(issue => {
    const where = formatPath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = result.error.issues.length - problems.length;
  throw new InputError(
    `Invalid request ${what}: ${problems.join('; ')}${
      more > 0 ? ` (and ${more} more)` : ''
    }`,
  );
}
