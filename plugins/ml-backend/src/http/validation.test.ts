import { z } from 'zod';
import { parseInput } from './validation';

describe('parseInput', () => {
  const schema = z
    .object({ name: z.string(), tags: z.array(z.string()).optional() })
    .strict();

  it('names each wrong field', () => {
    expect(() => parseInput(schema, { name: 1 }, 'body')).toThrow(
      'Invalid request body: name: Invalid input: expected string, received number',
    );
  });

  it('refuses text with a NUL character anywhere, naming where', () => {
    expect(() => parseInput(schema, { name: 'a\u0000' }, 'body')).toThrow(
      'Invalid request body: name: must not contain the NUL character (\\u0000)',
    );
    expect(() =>
      parseInput(schema, { name: 'a', tags: ['ok', 'b\u0000'] }, 'body'),
    ).toThrow('tags[1]: must not contain');
    expect(() =>
      parseInput(z.record(z.string(), z.number()), { 'k\u0000': 1 }, 'body'),
    ).toThrow('must not contain the NUL character');
    expect(() => parseInput(z.string(), 'x\u0000', 'query')).toThrow(
      'Invalid request query: must not contain',
    );
  });

  it('lets NUL through where the caller allows it, and copes with deep input', () => {
    expect(
      parseInput(z.unknown(), { a: '\u0000' }, 'body', { allowNul: true }),
    ).toEqual({ a: '\u0000' });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(() => parseInput(z.unknown(), deep, 'body')).not.toThrow();
  });
});
