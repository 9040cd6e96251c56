import { parseModelSource, runStoragePath } from './modelSource';

const RUN = '0123456789abcdef0123456789abcdef';

describe('parseModelSource', () => {
  it.each([
    [`runs:/${RUN}/model`, { runId: RUN, path: 'model' }],
    [`runs:/${RUN}`, { runId: RUN, path: '' }],
    [`runs:/${RUN}/a//b/./c/`, { runId: RUN, path: 'a/b/c' }],
    [
      `mlflow-artifacts:/7/${RUN}/artifacts/model`,
      { experimentId: '7', runId: RUN, path: 'model' },
    ],
    [
      `mlflow-artifacts://portal.example/7/${RUN}/artifacts`,
      { experimentId: '7', runId: RUN, path: '' },
    ],
  ])('reads %s', (source, expected) => {
    expect(parseModelSource(source)).toEqual(expected);
  });

  it.each([
    's3://bucket/model',
    'models:/m-123',
    `mlflow-artifacts:/7/${RUN}/model`,
    `runs:/${RUN}/../other`,
    `runs:/${RUN}/.uploads/x`,
    '',
  ])('refuses %j with INVALID_PARAMETER_VALUE', source => {
    expect(() => parseModelSource(source)).toThrow(
      expect.objectContaining({ errorCode: 'INVALID_PARAMETER_VALUE' }),
    );
  });
});

describe('runStoragePath', () => {
  it("is the run's artifacts folder joined with the path", () => {
    expect(runStoragePath('7', RUN, 'model')).toBe(`7/${RUN}/artifacts/model`);
    expect(runStoragePath('7', RUN, '')).toBe(`7/${RUN}/artifacts`);
  });
});
