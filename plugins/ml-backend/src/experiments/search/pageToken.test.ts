import { MlflowError } from '../MlflowError';
import {
  decodePageToken,
  encodePageToken,
  resolveMaxResults,
} from './pageToken';

const refusal = (run: () => unknown): MlflowError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).errorCode).toBe('INVALID_PARAMETER_VALUE');
    return error as MlflowError;
  }
  throw new Error('expected a refusal');
};

describe('page tokens', () => {
  it('round-trip an offset as URL-safe text', () => {
    for (const offset of [0, 1, 1000, 123_456_789]) {
      const token = encodePageToken(offset);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodePageToken(token)).toBe(offset);
    }
  });

  it('read no token as the first page', () => {
    expect(decodePageToken(undefined)).toBe(0);
    expect(decodePageToken(null)).toBe(0);
    expect(decodePageToken('')).toBe(0);
  });

  it('take the standard base64 alphabet and padding too', () => {
    const token = Buffer.from('{"offset": 42}').toString('base64');
    expect(token).toMatch(/=$/);
    expect(decodePageToken(token)).toBe(42);
  });

  it.each([
    ['not base64!', /^Invalid page token, could not base64-decode$/],
    [
      Buffer.from('{offset').toString('base64url'),
      /^Invalid page token, decoded value=\{offset$/,
    ],
    [
      Buffer.from('{"offset": -1}').toString('base64url'),
      /^Invalid page token, parsed value=/,
    ],
    [
      Buffer.from('{"offset": 1.5}').toString('base64url'),
      /^Invalid page token, parsed value=/,
    ],
    [
      Buffer.from('{"offset": "10"}').toString('base64url'),
      /^Invalid page token, parsed value=/,
    ],
    [
      Buffer.from('{"start": 10}').toString('base64url'),
      /^Invalid page token, parsed value=/,
    ],
    [
      Buffer.from('null').toString('base64url'),
      /^Invalid page token, parsed value=null$/,
    ],
  ])('refuse %p', (token, message) => {
    expect(refusal(() => decodePageToken(token)).message).toMatch(message);
  });
});

describe('resolveMaxResults', () => {
  it("gives MLflow's defaults when absent", () => {
    expect(resolveMaxResults('runs', undefined)).toBe(1000);
    expect(resolveMaxResults('experiments', null)).toBe(1000);
    expect(resolveMaxResults('registeredModels', '')).toBe(100);
    expect(resolveMaxResults('modelVersions', undefined)).toBe(1000);
  });

  it("takes numbers and query strings up to MLflow's limits", () => {
    expect(resolveMaxResults('runs', 50_000)).toBe(50_000);
    expect(resolveMaxResults('runs', '25')).toBe(25);
    expect(resolveMaxResults('experiments', 1)).toBe(1);
    expect(resolveMaxResults('registeredModels', 1000)).toBe(1000);
    expect(resolveMaxResults('modelVersions', 200_000)).toBe(200_000);
  });

  it.each([
    ['runs', 50_001, /It must be at most 50000, but got value 50001/],
    ['experiments', 50_001, /at most 50000/],
    ['registeredModels', 1001, /at most 1000/],
    ['modelVersions', 200_001, /at most 200000/],
    ['runs', 0, /It must be a positive integer, but got value 0/],
    ['runs', -5, /positive integer/],
    ['runs', 1.5, /positive integer/],
    ['runs', 'ten', /positive integer, but got value "ten"/],
    ['runs', true, /positive integer/],
  ] as const)('refuses for %s the value %p', (kind, value, message) => {
    expect(refusal(() => resolveMaxResults(kind, value)).message).toMatch(
      message,
    );
  });
});
