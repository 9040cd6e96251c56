import { ConfigReader } from '@backstage/config';
import { readMlConfig } from './config';

const withIsolation = (isolation: object) =>
  readMlConfig(new ConfigReader({ ml: { localDriver: { isolation } } }));

describe('readMlConfig: ml.localDriver.isolation', () => {
  it('is on by default with 50000 uids from 200000', () => {
    expect(readMlConfig(new ConfigReader({})).localDriver.isolation).toEqual({
      enabled: true,
      uidRange: { first: 200_000, count: 50_000 },
    });
  });

  it('reads enabled and the range', () => {
    expect(
      withIsolation({ enabled: false, uidRange: { first: 70_000, count: 10 } })
        .localDriver.isolation,
    ).toEqual({ enabled: false, uidRange: { first: 70_000, count: 10 } });
  });

  it.each([
    [{ first: 0 }, 'first: a whole number of at least 1000'],
    [{ first: 999 }, 'at least 1000'],
    [{ first: 1000.5 }, 'at least 1000'],
    [{ count: 0 }, 'count: a whole number >= 1'],
    [{ first: 60_000, count: 10_000 }, 'leave out 65534'],
    [{ first: 2 ** 31 - 10, count: 100 }, 'must end below'],
  ])('refuses the range %j', (uidRange, message) => {
    expect(() => withIsolation({ uidRange })).toThrow(message);
  });
});
