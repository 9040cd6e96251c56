import {
  createProjectSchema,
  createRuntimeSchema,
  createWorkspaceSchema,
  createProfileSchema,
} from './schemas';

const group = {
  name: 'cpu',
  cpu: 4,
  memoryMiB: '16Gi',
  minNodes: 1,
  maxNodes: 3,
};

describe('schemas', () => {
  it('normalises quantities and fills defaults', () => {
    const parsed = createWorkspaceSchema.parse({
      name: 'ws',
      nodeGroups: [group],
    });
    expect(parsed.nodeGroups[0]).toEqual({
      name: 'cpu',
      cpu: 4,
      memoryMiB: 16384,
      gpu: 0,
      minNodes: 1,
      maxNodes: 3,
      scaleUpDelaySeconds: 30,
    });
    expect(parsed.driver).toBe('local');
    expect(
      createProfileSchema.parse({
        name: 'small',
        cpu: '500m',
        memoryMiB: '1Gi',
      }),
    ).toMatchObject({ cpu: 0.5, memoryMiB: 1024, gpu: 0 });
  });

  it('names the field that is wrong', () => {
    const result = createWorkspaceSchema.safeParse({
      name: 'Bad_Name',
      nodeGroups: [{ ...group, minNodes: 4 }],
    });
    expect(result.success).toBe(false);
    const paths = result.success
      ? []
      : result.error.issues.map(i => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['name', 'nodeGroups.0.maxNodes']),
    );
  });

  it.each([
    ['an unknown field', { extra: 1 }, false],
    ['a bad owner ref', { owner: 'jane' }, false],
    ['a bad env name', { env: { '1X': 'y' } }, false],
    ['a group owner', { owner: 'group:default/team-a' }, true],
  ])('says whether a project with %s is valid', (_what, fields, valid) => {
    expect(
      createProjectSchema.safeParse({ workspace: 'w', name: 'p', ...fields })
        .success,
    ).toBe(valid);
  });

  it('takes plain values, secrets with a value, and secrets to keep', () => {
    const env = {
      PLAIN: 'x',
      TOKEN: { secret: true, value: 's3cr3t' },
      KEPT: { secret: true },
    };
    expect(
      createProjectSchema.parse({ workspace: 'w', name: 'p', env }).env,
    ).toEqual(env);
    const refused = [
      1,
      null,
      { secret: false, value: 'x' },
      { secret: true, value: 2 },
      { secret: true, extra: 1 },
    ];
    for (const value of refused) {
      const result = createProjectSchema.safeParse({
        workspace: 'w',
        name: 'p',
        env: { A: value },
      });
      expect([value, result.success]).toEqual([value, false]);
      const issue = result.success ? undefined : result.error.issues[0];
      expect(issue?.path.join('.')).toBe('env.A');
    }
    const notString = createProjectSchema.safeParse({
      workspace: 'w',
      name: 'p',
      env: { A: 1 },
    });
    expect(notString.success ? '' : notString.error.issues[0].message).toMatch(
      /must be a string, or \{"secret": true/,
    );
  });

  it('requires an image or a command for a runtime', () => {
    const base = {
      editor: 'Workbench',
      kernel: 'Python 3.11',
      edition: 'Standard',
      shortVersion: '2026.11',
      maintenanceVersion: 1,
    };
    expect(createRuntimeSchema.safeParse(base).success).toBe(false);
    expect(
      createRuntimeSchema.safeParse({ ...base, command: 'python3' }).success,
    ).toBe(true);
  });
});
