import { describeActiveWork } from './describeActiveWork';

describe('describeActiveWork', () => {
  it.each<{
    work: Parameters<typeof describeActiveWork>[0];
    description: string;
  }>([
    {
      work: [
        { kind: 'session', project: 'fraud' },
        { kind: 'job', project: 'churn' },
        { kind: 'session', project: 'churn' },
      ],
      description: '2 sessions and 1 job run in projects churn, fraud',
    },
    {
      work: [
        { kind: 'model', project: 'a' },
        { kind: 'build', project: 'a' },
        { kind: 'application', project: 'a' },
      ],
      description:
        '1 model build, 1 model replica and 1 application in project a',
    },
  ])(
    'counts work by kind and names the projects: $description',
    ({ work, description }) => {
      expect(describeActiveWork(work)).toBe(description);
    },
  );
});
