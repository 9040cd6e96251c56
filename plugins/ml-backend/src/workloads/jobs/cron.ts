import { InputError } from '@backstage/errors';
import { CronTime } from 'cron';
import { IANAZone } from 'luxon';

/** Refuses a time zone that is not an IANA one, naming the field. */
export function checkTimezone(timezone: string): void {
  if (!IANAZone.isValidZone(timezone)) {
    throw new InputError(
      `timezone: '${timezone}' is not an IANA time zone such as 'Europe/Berlin' or 'UTC'`,
    );
  }
}

/**
 * Checks a five-field cron expression and a time zone, naming what is wrong.
 * Seconds fields are refused: schedules are minutes apart, as in CML.
 */
export function parseSchedule(expression: string, timezone: string): CronTime {
  checkTimezone(timezone);
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new InputError(
      `schedule: '${expression}' has ${fields.length} fields; a cron schedule has 5 (minute hour day-of-month month day-of-week)`,
    );
  }
  let cron: CronTime;
  try {
    cron = new CronTime(expression, timezone);
  } catch (error) {
    throw new InputError(
      `schedule: '${expression}' is not a valid cron expression: ${
        (error as Error).message
      }`,
    );
  }
  // A valid expression may still name no real time ('0 0 30 2 *', 30
  // February): the library then throws on the first next-date lookup, which
  // would fail every later read of the job.
  try {
    cron.getNextDateFrom(new Date(), timezone);
  } catch {
    throw new InputError(
      `schedule: '${expression}' never fires: no date matches its day-of-month, month and day-of-week fields (such as 30 February); pick a day that exists in the months you chose`,
    );
  }
  return cron;
}

/** The next `count` times after `from`, as ISO strings in UTC. */
export function nextRuns(
  expression: string,
  timezone: string,
  from: Date,
  count: number,
): string[] {
  const cron = parseSchedule(expression, timezone);
  const out: string[] = [];
  let cursor: Date = from;
  for (let i = 0; i < count; i++) {
    let next;
    try {
      next = cron.getNextDateFrom(cursor, timezone);
    } catch {
      break; // none in the years the library looks ahead
    }
    out.push(next.toUTC().toISO()!);
    cursor = next.toJSDate();
  }
  return out;
}

/**
 * The latest scheduled time in (after, until], or undefined. Missed times
 * collapse into this one: a backend that was down does not backfill.
 */
export function latestDueTime(
  expression: string,
  timezone: string,
  after: Date,
  until: Date,
): Date | undefined {
  const cron = parseSchedule(expression, timezone);
  let latest: Date | undefined;
  let cursor = after;
  // Bounded: one year of minutes at most.
  for (let i = 0; i < 600_000; i++) {
    const next = cron.getNextDateFrom(cursor, timezone).toJSDate();
    if (next.getTime() > until.getTime()) break;
    latest = next;
    cursor = next;
  }
  return latest;
}
