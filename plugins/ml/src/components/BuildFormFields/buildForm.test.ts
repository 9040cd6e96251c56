import { checkBuildForm, emptyBuildForm } from './buildForm';

describe('buildForm', () => {
  it('names every missing field of an empty form', () => {
    const { problems, request } = checkBuildForm(emptyBuildForm(), '');
    expect(request).toBeUndefined();
    expect(problems).toEqual({
      filePath: 'Choose the file',
      functionName: 'A Python function name',
      runtimeId: 'Choose a runtime',
      examples: undefined,
    });
  });

  it('builds the request with parsed examples', () => {
    const { request } = checkBuildForm(
      {
        ...emptyBuildForm(),
        filePath: ' predict.py ',
        functionName: 'predict',
        comment: 'first',
        examples: '[{"request": {"x": 1}, "response": 2}]',
        env: { A: '1' },
      },
      'rt-1',
    );
    expect(request).toEqual({
      filePath: 'predict.py',
      functionName: 'predict',
      runtimeId: 'rt-1',
      comment: 'first',
      examples: [{ request: { x: 1 }, response: 2 }],
      env: { A: '1' },
    });
  });

  it('refuses examples that are not JSON and invalid env rows', () => {
    const base = {
      ...emptyBuildForm(),
      filePath: 'p.py',
      functionName: 'f',
    };
    const bad = checkBuildForm({ ...base, examples: '[{' }, 'rt-1');
    expect(bad.request).toBeUndefined();
    expect(bad.problems.examples).toMatch(/^Not JSON/);
    expect(
      checkBuildForm({ ...base, envValid: false }, 'rt-1').request,
    ).toBeUndefined();
  });

  it('builds a registry version with the file and function left out', () => {
    const registry = {
      ...emptyBuildForm(),
      source: 'registry' as const,
      registeredModelName: 'churn',
      registeredModelVersion: '3',
    };
    expect(checkBuildForm(registry, 'rt-1').request).toEqual({
      registeredModel: { name: 'churn', version: '3' },
      runtimeId: 'rt-1',
      comment: '',
      examples: [],
      env: {},
    });
    expect(
      checkBuildForm(
        { ...registry, filePath: 'wrap.py', functionName: 'predict' },
        'rt-1',
      ).request,
    ).toMatchObject({
      registeredModel: { name: 'churn', version: '3' },
      filePath: 'wrap.py',
      functionName: 'predict',
    });
  });

  it('wants a registry build to name its version, and a file with its function', () => {
    const registry = { ...emptyBuildForm(), source: 'registry' as const };
    expect(checkBuildForm(registry, 'rt-1').problems).toMatchObject({
      registeredModel: 'Choose a registered model',
      'registeredModel.version': 'Choose a version',
      filePath: undefined,
      functionName: undefined,
    });
    const named = {
      ...registry,
      registeredModelName: 'churn',
      registeredModelVersion: '3',
    };
    expect(
      checkBuildForm({ ...named, filePath: 'wrap.py' }, 'rt-1').problems
        .functionName,
    ).toBe('A Python function name, with a file');
    expect(
      checkBuildForm({ ...named, functionName: 'predict' }, 'rt-1').problems
        .filePath,
    ).toBe('Choose the file of the function');
  });
});
