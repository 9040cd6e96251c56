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
});
