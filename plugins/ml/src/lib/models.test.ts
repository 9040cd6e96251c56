import {
  churnBuild,
  churnDeployment,
  churnModel,
  failedBuild,
} from '../testing/fixtures';
import {
  activeDeployment,
  curlExample,
  describeBuildFunction,
  exampleRequest,
  isBuildLive,
  isDeploymentLive,
  latestBuild,
  parseExamples,
  replicasReady,
} from './models';

describe('models', () => {
  it('counts ready replicas against those asked for', () => {
    expect(replicasReady(churnDeployment)).toBe('1/2');
  });

  it('keeps polling a deployment until every replica is ready', () => {
    expect(isDeploymentLive(churnDeployment)).toBe(true);
    const ready = {
      ...churnDeployment,
      replicaStatus: churnDeployment.replicaStatus.map(r => ({
        ...r,
        ready: true,
      })),
    };
    expect(isDeploymentLive(ready)).toBe(false);
    expect(isDeploymentLive({ ...ready, replicas: 3 })).toBe(true);
    expect(isDeploymentLive({ ...ready, state: 'stopped' })).toBe(false);
    expect(isBuildLive({ state: 'building' })).toBe(true);
    expect(isBuildLive({ state: 'failed' })).toBe(false);
  });

  it('finds the active deployment and the latest build', () => {
    expect(activeDeployment(churnModel, [churnDeployment])).toBe(
      churnDeployment,
    );
    expect(
      activeDeployment({ activeDeploymentId: undefined }, [churnDeployment]),
    ).toBeUndefined();
    expect(latestBuild([failedBuild, churnBuild])).toBe(churnBuild);
    expect(latestBuild([])).toBeUndefined();
  });

  it("prefills the deployed build's first example, else the newest one", () => {
    const other = {
      ...churnBuild,
      id: 'b-3',
      number: 3,
      examples: [{ request: { tenure: 1 } }],
    };
    expect(exampleRequest([other, churnBuild], churnBuild.id)).toEqual({
      tenure: 3,
      plan: 'basic',
    });
    expect(exampleRequest([churnBuild, other])).toEqual({ tenure: 1 });
    expect(exampleRequest([failedBuild])).toBeUndefined();
  });

  it('writes a curl command that survives quotes in the request', () => {
    const text = curlExample({
      endpointUrl: 'http://localhost:7007/api/ml/model',
      request: { name: "O'Brien" },
    });
    expect(text).toContain('curl -X POST http://localhost:7007/api/ml/model');
    expect(text).toContain(
      `-d '{"accessKey":"<access key>","request":{"name":"O'\\''Brien"}}'`,
    );
  });

  it('parses examples and says what is wrong with them', () => {
    expect(parseExamples('')).toEqual({ examples: [] });
    expect(parseExamples('[{"request": {"a": 1}}]')).toEqual({
      examples: [{ request: { a: 1 } }],
    });
    expect(parseExamples('{')).toHaveProperty('problem');
    expect(parseExamples('{"request": 1}')).toEqual({
      problem: 'A JSON array of {"request": …, "response": …}',
    });
    expect(parseExamples('[{"response": 1}]')).toEqual({
      problem: 'Example 1 has no "request"',
    });
  });

  it("describes what a build calls, a registry version's wrapper too", () => {
    expect(
      describeBuildFunction({
        filePath: 'predict.py',
        functionName: 'predict',
      }),
    ).toBe('predict in predict.py');
    expect(
      describeBuildFunction({
        filePath: '',
        functionName: '',
        registeredModel: { name: 'churn', version: '3' },
      }),
    ).toBe('MLflow pyfunc of churn v3');
    expect(
      describeBuildFunction({
        filePath: 'wrap.py',
        functionName: 'predict',
        registeredModel: { name: 'churn', version: '3' },
      }),
    ).toBe('predict in wrap.py, with churn v3');
  });
});
