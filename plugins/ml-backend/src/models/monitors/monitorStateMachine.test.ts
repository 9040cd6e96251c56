import { MonitorRule, breaches, nextMonitorState } from './monitorStateMachine';

const NOW = 1_790_000_000_000;
const rule = (fields: Partial<MonitorRule> = {}): MonitorRule => ({
  threshold: 10,
  direction: 'above',
  minSamples: 5,
  cooldownSeconds: 3600,
  state: 'ok',
  ...fields,
});

describe('breaches', () => {
  it('is strict in both directions', () => {
    expect(breaches(rule(), 10.001)).toBe(true);
    expect(breaches(rule(), 10)).toBe(false);
    expect(breaches(rule(), 9)).toBe(false);
    expect(breaches(rule({ direction: 'below' }), 9.999)).toBe(true);
    expect(breaches(rule({ direction: 'below' }), 10)).toBe(false);
    expect(breaches(rule({ direction: 'below' }), 11)).toBe(false);
  });
});

describe('nextMonitorState', () => {
  it('says insufficient_data with fewer samples than needed, even beyond the threshold', () => {
    expect(nextMonitorState(rule(), { value: 50, samples: 4 }, NOW)).toEqual({
      state: 'insufficient_data',
      transition: true,
      trigger: false,
    });
  });

  it('says insufficient_data with no value or a value that is not finite', () => {
    for (const value of [undefined, NaN, Infinity]) {
      expect(nextMonitorState(rule(), { value, samples: 100 }, NOW).state).toBe(
        'insufficient_data',
      );
    }
  });

  it('counts exactly minSamples as enough', () => {
    expect(nextMonitorState(rule(), { value: 11, samples: 5 }, NOW).state).toBe(
      'alerting',
    );
  });

  it('stays ok within the threshold, with no transition', () => {
    expect(nextMonitorState(rule(), { value: 10, samples: 9 }, NOW)).toEqual({
      state: 'ok',
      transition: false,
      trigger: false,
    });
  });

  it('alerts below the threshold for direction below', () => {
    const below = rule({ direction: 'below', threshold: 0.9 });
    expect(nextMonitorState(below, { value: 0.8, samples: 9 }, NOW).state).toBe(
      'alerting',
    );
    expect(
      nextMonitorState(below, { value: 0.95, samples: 9 }, NOW).state,
    ).toBe('ok');
  });

  it('triggers on entering alerting when never triggered', () => {
    for (const state of ['pending', 'ok', 'insufficient_data'] as const) {
      expect(
        nextMonitorState(rule({ state }), { value: 11, samples: 9 }, NOW),
      ).toEqual({ state: 'alerting', transition: true, trigger: true });
    }
  });

  it('does not trigger on entering alerting within the cooldown since the last trigger', () => {
    const flapped = rule({ state: 'ok', lastTriggeredAtMs: NOW - 3599_000 });
    expect(nextMonitorState(flapped, { value: 11, samples: 9 }, NOW)).toEqual({
      state: 'alerting',
      transition: true,
      trigger: false,
    });
  });

  it('while alerting, triggers again only once the cooldown has passed', () => {
    const alerting = (lastTriggeredAtMs: number) =>
      rule({ state: 'alerting', lastTriggeredAtMs });
    const reading = { value: 11, samples: 9 };
    expect(nextMonitorState(alerting(NOW - 1000), reading, NOW)).toEqual({
      state: 'alerting',
      transition: false,
      trigger: false,
    });
    expect(nextMonitorState(alerting(NOW - 3600_000), reading, NOW)).toEqual({
      state: 'alerting',
      transition: false,
      trigger: true,
    });
  });

  it('with no cooldown, triggers at every alerting window', () => {
    const noCooldown = rule({
      state: 'alerting',
      cooldownSeconds: 0,
      lastTriggeredAtMs: NOW,
    });
    expect(
      nextMonitorState(noCooldown, { value: 11, samples: 9 }, NOW).trigger,
    ).toBe(true);
  });

  it('leaves alerting with a transition and no trigger', () => {
    const alerting = rule({ state: 'alerting', lastTriggeredAtMs: 0 });
    expect(nextMonitorState(alerting, { value: 1, samples: 9 }, NOW)).toEqual({
      state: 'ok',
      transition: true,
      trigger: false,
    });
    expect(nextMonitorState(alerting, { value: 99, samples: 1 }, NOW)).toEqual({
      state: 'insufficient_data',
      transition: true,
      trigger: false,
    });
  });
});
