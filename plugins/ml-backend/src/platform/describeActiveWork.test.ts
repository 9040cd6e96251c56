import { describeActiveWork } from './describeActiveWork';

describe('describeActiveWork', () => {
  it('counts work by kind and names the projects', () => {
    expect(
      describeActiveWork([
        { kind: 'session', project: 'fraud' },
        { kind: 'job', project: 'churn' },
        { kind: 'session', project: 'churn' },
      ]),
    ).toBe('2 sessions and 1 job run in projects churn, fraud');
    expect(
      describeActiveWork([
        { kind: 'model', project: 'a' },
        { kind: 'build', project: 'a' },
        { kind: 'application', project: 'a' },
      ]),
    ).toBe('1 model build, 1 model replica and 1 application in project a');
  });
});
