import {
  MAX_TIMESTAMP_MS,
  epochMillisSchema,
  timestampSchema,
} from './timeSchemas';

describe('timestampSchema', () => {
  const parse = (value: unknown) => timestampSchema.safeParse(value);
  const message = (value: unknown) => parse(value).error?.issues[0].message;

  it('takes epoch milliseconds as numbers or digits, and ISO 8601 with an offset', () => {
    expect(parse(1767225600000).data).toBe(1767225600000);
    expect(parse('1767225600000').data).toBe(1767225600000);
    expect(parse('1767225600000.0').data).toBe(1767225600000);
    expect(parse('2026-01-01T00:00:00Z').data).toBe(1767225600000);
    expect(parse('2026-01-01T01:00:00+01:00').data).toBe(1767225600000);
    expect(parse(0).data).toBe(0);
    expect(parse(MAX_TIMESTAMP_MS).data).toBe(MAX_TIMESTAMP_MS);
  });

  it('refuses times past year 9999 or before 1970, naming the range', () => {
    for (const value of [
      8.7e15,
      '8.7e15',
      1e308,
      '1e308',
      MAX_TIMESTAMP_MS + 1,
      -1,
      '-5',
    ]) {
      expect([value, message(value)]).toEqual([
        value,
        expect.stringContaining('must be a time from 1970'),
      ]);
    }
    // In range as written, past it once the offset is applied.
    expect(message('9999-12-31T23:59:59-14:00')).toContain(
      'must be a time from 1970',
    );
  });

  it('refuses what is neither, naming both forms', () => {
    for (const value of [
      '',
      ' ',
      'yesterday',
      '2026-02-30T00:00:00Z',
      '2026-01-01',
      '0x10',
      [1, 2],
      {},
      null,
      true,
    ]) {
      expect([value, message(value)]).toEqual([
        value,
        expect.stringContaining('milliseconds since 1970'),
      ]);
    }
    expect(message(1.5)).toContain('whole milliseconds');
  });
});

describe('epochMillisSchema', () => {
  it('takes whole milliseconds in range only', () => {
    expect(epochMillisSchema.safeParse(1767225600000).success).toBe(true);
    expect(epochMillisSchema.safeParse(8.7e15).success).toBe(false);
    expect(epochMillisSchema.safeParse('1767225600000').success).toBe(false);
  });
});
