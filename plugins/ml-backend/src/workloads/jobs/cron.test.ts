import { latestDueTime, nextRuns, parseSchedule } from './cron';

describe('cron', () => {
  it('gives the next runs in the job time zone', () => {
    expect(
      nextRuns(
        '0 9 * * 1-5',
        'Europe/Berlin',
        new Date('2026-11-20T12:00:00Z'),
        3,
      ),
    ).toEqual([
      '2026-11-23T08:00:00.000Z',
      '2026-11-24T08:00:00.000Z',
      '2026-11-25T08:00:00.000Z',
    ]);
  });

  it('coalesces missed ticks into the latest one', () => {
    const due = latestDueTime(
      '*/10 * * * *',
      'UTC',
      new Date('2026-11-22T10:00:00Z'),
      new Date('2026-11-22T12:05:00Z'),
    );
    expect(due?.toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(
      latestDueTime(
        '0 0 1 1 *',
        'UTC',
        new Date('2026-11-22T10:00:00Z'),
        new Date('2026-11-22T12:05:00Z'),
      ),
    ).toBeUndefined();
  });

  it('names what is wrong with a schedule', () => {
    expect(() => parseSchedule('61 * * * *', 'UTC')).toThrow(
      "schedule: '61 * * * *' is not a valid cron expression",
    );
    expect(() => parseSchedule('* * * *', 'UTC')).toThrow('has 4 fields');
    expect(() => parseSchedule('*/5 * * * * *', 'UTC')).toThrow('has 6 fields');
    expect(() => parseSchedule('* * * * *', 'Mars/Olympus')).toThrow(
      'timezone:',
    );
  });

  it('refuses a schedule that names no real date, and keeps rare ones', () => {
    expect(() => parseSchedule('0 0 30 2 *', 'UTC')).toThrow(
      "schedule: '0 0 30 2 *' never fires",
    );
    expect(() => nextRuns('0 0 31 4,6 *', 'UTC', new Date(), 3)).toThrow(
      'never fires',
    );
    expect(
      nextRuns('0 0 29 2 *', 'UTC', new Date('2026-11-20T12:00:00Z'), 2),
    ).toEqual(['2028-02-29T00:00:00.000Z', '2032-02-29T00:00:00.000Z']);
  });
});
