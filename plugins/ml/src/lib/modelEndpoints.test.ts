import { cmlCurl, modelEndpoints, perModelCurl } from './modelEndpoints';

describe('modelEndpoints', () => {
  it('gives the per-model and the CML URL under the base URL', () => {
    expect(modelEndpoints('http://portal/api/ml', 'p 1', 'churn')).toEqual({
      perModel: 'http://portal/api/ml/projects/p%201/models/churn/predict',
      cml: 'http://portal/api/ml/model',
    });
  });
});

describe('perModelCurl', () => {
  it('sends the request itself, with no key when none is needed', () => {
    expect(
      perModelCurl({
        url: 'http://x/predict',
        request: { text: "it's" },
        needsKey: false,
      }),
    ).toBe(
      [
        'curl -X POST http://x/predict \\',
        "  -H 'Content-Type: application/json' \\",
        `  -d '{"text":"it'\\''s"}'`,
      ].join('\n'),
    );
  });

  it('asks for the key as a Bearer token when one is needed', () => {
    expect(
      perModelCurl({ url: 'http://x/predict', request: {}, needsKey: true }),
    ).toContain("-H 'Authorization: Bearer <access key>'");
  });
});

describe('cmlCurl', () => {
  it('wraps the request with the access key', () => {
    expect(cmlCurl({ url: 'http://x/model', request: { a: 1 } })).toContain(
      `-d '{"accessKey":"<access key>","request":{"a":1}}'`,
    );
  });
});
