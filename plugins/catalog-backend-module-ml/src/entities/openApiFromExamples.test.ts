import { openApiFromExamples, schemaFromExamples } from './openApiFromExamples';

describe('schemaFromExamples', () => {
  it('describes one example', () => {
    expect(
      schemaFromExamples([
        { tenure: 3, plan: 'basic', score: 0.5, tags: ['a'] },
      ]),
    ).toEqual({
      type: 'object',
      properties: {
        tenure: { type: 'integer' },
        plan: { type: 'string' },
        score: { type: 'number' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['tenure', 'plan', 'score', 'tags'],
    });
  });

  it('keeps what several examples have in common', () => {
    expect(
      schemaFromExamples([
        { tenure: 3, plan: 'basic', note: null },
        { tenure: 2.5, extra: true, note: 'x' },
      ]),
    ).toEqual({
      type: 'object',
      properties: {
        tenure: { type: 'number' },
        plan: { type: 'string' },
        note: { type: 'string', nullable: true },
        extra: { type: 'boolean' },
      },
      required: ['tenure', 'note'],
    });
  });

  it('leaves values of different types unconstrained, and no examples too', () => {
    expect(schemaFromExamples([1, 'one'])).toEqual({});
    expect(schemaFromExamples([])).toEqual({});
    expect(schemaFromExamples([[1, 'a']])).toEqual({
      type: 'array',
      items: {},
    });
  });
});

describe('openApiFromExamples', () => {
  const model = {
    id: 'm1',
    projectId: 'p1',
    name: 'classifier',
    description: '',
    disableAuthentication: false,
  };

  it('documents both ways in with the examples as request and response examples', () => {
    const doc = openApiFromExamples({
      model,
      projectName: 'churn',
      baseUrl: 'http://localhost:7007/api/ml',
      version: 'build 2',
      examples: [
        { request: { tenure: 3 }, response: { churn: 0.8 } },
        { request: { tenure: 40 } },
      ],
    }) as any;
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.info).toEqual({
      title: 'classifier (churn)',
      version: 'build 2',
      description:
        'Predictions of the model classifier of the ML project churn.',
    });
    expect(doc.servers).toEqual([{ url: 'http://localhost:7007/api/ml' }]);
    const predict = doc.paths['/projects/p1/models/m1/predict'].post;
    const body = predict.requestBody.content['application/json'];
    expect(body.schema).toEqual({
      type: 'object',
      properties: { tenure: { type: 'integer' } },
      required: ['tenure'],
    });
    expect(body.examples).toEqual({
      example1: { value: { tenure: 3 } },
      example2: { value: { tenure: 40 } },
    });
    const ok = predict.responses['200'].content['application/json'];
    expect(ok.schema.properties.response).toEqual({
      type: 'object',
      properties: { churn: { type: 'number' } },
      required: ['churn'],
    });
    expect(ok.examples.example1.value).toEqual(
      expect.objectContaining({ success: true, response: { churn: 0.8 } }),
    );
    expect(predict.responses['429'].description).toMatch(/model\.busy/);
    expect(predict.security).toBeUndefined();

    const cml = doc.paths['/model'].post;
    expect(cml.security).toEqual([]);
    expect(
      cml.requestBody.content['application/json'].examples.example1.value,
    ).toEqual({
      accessKey: '<access key>',
      request: { tenure: 3 },
    });
    // A valid JSON document, as the API entity's definition carries it.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('needs no credentials for a model without authentication', () => {
    const doc = openApiFromExamples({
      model: {
        ...model,
        disableAuthentication: true,
        description: 'Scores churn.',
      },
      projectName: 'churn',
      baseUrl: 'http://x/api/ml',
      version: 'not built',
      examples: [],
    }) as any;
    const predict = doc.paths['/projects/p1/models/m1/predict'].post;
    expect(predict.security).toEqual([]);
    expect(doc.info.description).toBe('Scores churn.');
    expect(predict.requestBody.content['application/json']).toEqual({
      schema: {},
    });
  });
});
