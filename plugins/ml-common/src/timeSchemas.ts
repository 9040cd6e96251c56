import { z } from 'zod';

/**
 * The latest instant the API takes, the end of year 9999: what ISO 8601's
 * four-digit years can write. JavaScript dates end at 8.64e15 ms (year
 * 275760); a time past that stored in a row made every later read that
 * formats it throw (a 500 for good).
 *
 * @public
 */
export const MAX_TIMESTAMP_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const RANGE_MESSAGE = `must be a time from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z (0 to ${MAX_TIMESTAMP_MS} in milliseconds since 1970)`;
const FORMAT_MESSAGE =
  'must be milliseconds since 1970 (such as 1767225600000) or an ISO 8601 time with an offset (such as 2026-01-01T00:00:00Z)';

/**
 * Milliseconds since 1970 as a JSON number, within what the API takes.
 *
 * @public
 */
export const epochMillisSchema = z
  .number()
  .min(0, RANGE_MESSAGE)
  .max(MAX_TIMESTAMP_MS, RANGE_MESSAGE)
  .int('must be whole milliseconds since 1970');

const DECIMAL = /^\s*[+-]?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/;
const isoDateTime = z.iso.datetime({ offset: true });

/**
 * A time given as milliseconds since 1970 (a number, or its digits in a query
 * string) or as an ISO 8601 date-time with an offset; parsed to milliseconds
 * since 1970 and range-checked, so a time no column or formatter can hold is
 * a 400 rather than a stored row.
 *
 * @public
 */
export const timestampSchema = z
  .union([z.number(), z.string().max(64)], { error: FORMAT_MESSAGE })
  .transform((value, ctx) => {
    let ms: number;
    if (typeof value === 'number' || DECIMAL.test(value)) {
      ms = Number(value);
    } else if (isoDateTime.safeParse(value).success) {
      ms = Date.parse(value);
    } else {
      ctx.addIssue({ code: 'custom', message: FORMAT_MESSAGE });
      return z.NEVER;
    }
    const checked = epochMillisSchema.safeParse(ms);
    if (!checked.success) {
      ctx.addIssue({
        code: 'custom',
        message: checked.error.issues[0].message,
      });
      return z.NEVER;
    }
    return checked.data;
  });
