import {
  canonicalStage,
  validAlias,
  validModelName,
  validVersion,
} from './registryValidation';

const refused = expect.objectContaining({
  errorCode: 'INVALID_PARAMETER_VALUE',
});

describe('registry validation', () => {
  it('takes model names up to 256 characters', () => {
    expect(validModelName('churn/model')).toBe('churn/model');
    expect(() => validModelName('')).toThrow(refused);
    expect(() => validModelName(undefined)).toThrow(refused);
    expect(() => validModelName('x'.repeat(257))).toThrow(refused);
  });

  it('takes versions as strings of digits', () => {
    expect(validVersion('12')).toBe(12);
    for (const version of ['', 'one', '1.5', '-1', '1e3']) {
      expect(() => validVersion(version)).toThrow(refused);
    }
  });

  it("refuses aliases MLflow reserves: 'latest' and v<digits>", () => {
    expect(validAlias('champion')).toBe('champion');
    expect(validAlias('v1-candidate')).toBe('v1-candidate');
    for (const alias of ['', 'latest', 'LATEST', 'v1', 'V42', 'has space']) {
      expect(() => validAlias(alias)).toThrow(refused);
    }
  });

  it('reads stages in any case as their canonical spelling', () => {
    expect(canonicalStage('production')).toBe('Production');
    expect(canonicalStage('none')).toBe('None');
    expect(canonicalStage('ARCHIVED')).toBe('Archived');
    expect(() => canonicalStage('Deleted_Internal')).toThrow(refused);
  });
});
