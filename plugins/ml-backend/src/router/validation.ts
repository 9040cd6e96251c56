import { InputError } from '@backstage/errors';
import { z } from 'zod';

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/**
 * Validates request input against a schema, and on failure throws an
 * InputError that names each wrong field: "nodeGroups[0].maxNodes: maxNodes
 * must be at least minNodes".
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: 'body' | 'query' | 'path',
): z.output<S> {
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
    `Invalid request ${what}: ${problems.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`,
  );
}
