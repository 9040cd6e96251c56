import { artifactContentType } from './artifactContentType';
import { normaliseArtifactPath, normaliseRequestPath } from './artifactPaths';

describe('normaliseArtifactPath', () => {
  it('drops empty and `.` segments', () => {
    expect(normaliseArtifactPath('1//run/./artifacts/')).toBe(
      '1/run/artifacts',
    );
    expect(normaliseArtifactPath('')).toBe('');
    expect(normaliseArtifactPath('./')).toBe('');
  });

  it.each(['..', 'a/../b', '/a', 'a\\b', 'a\0b', '.uploads', '.tmp/x'])(
    'refuses %j',
    p => {
      expect(() => normaliseArtifactPath(p)).toThrow(
        expect.objectContaining({ errorCode: 'INVALID_PARAMETER_VALUE' }),
      );
    },
  );

  it('allows names that merely contain dots or reserved words', () => {
    expect(normaliseArtifactPath('a/..b/c..')).toBe('a/..b/c..');
    expect(normaliseArtifactPath('1/.uploads')).toBe('1/.uploads');
  });
});

describe('normaliseRequestPath', () => {
  it('refuses a path that escapes once decoded again', () => {
    expect(() => normaliseRequestPath('a/%2e%2e/b')).toThrow(
      expect.objectContaining({ errorCode: 'INVALID_PARAMETER_VALUE' }),
    );
    expect(() => normaliseRequestPath('a/%252e%252e/b')).toThrow(
      expect.objectContaining({ errorCode: 'INVALID_PARAMETER_VALUE' }),
    );
    expect(() => normaliseRequestPath('%2Fetc%2Fpasswd')).toThrow(
      expect.objectContaining({ errorCode: 'INVALID_PARAMETER_VALUE' }),
    );
  });

  it('keeps a literal percent sign as it is', () => {
    expect(normaliseRequestPath('1/run/100%.txt')).toBe('1/run/100%.txt');
    expect(normaliseRequestPath('1/run/a%20b.txt')).toBe('1/run/a%20b.txt');
  });
});

describe('artifactContentType', () => {
  it.each([
    ['model/MLmodel', 'text/plain'],
    ['conda.yaml', 'text/plain'],
    ['metrics.json', 'text/plain'],
    ['train.py', 'text/plain'],
    ['report.html', 'text/html'],
    ['plot.SVG', 'image/svg+xml'],
    ['confusion.png', 'image/png'],
    ['model.pkl', 'application/octet-stream'],
    ['.hidden', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('serves %s as %s', (p, type) => {
    expect(artifactContentType(p)).toBe(type);
  });
});
