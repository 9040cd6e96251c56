import { SealedSecret } from '../secrets/SealedSecret';
import { mergeEnvLayers, withIdentityEnv } from './workloadEnv';

const sealed = (name: string) => new SealedSecret(`v1.test.${name}`);

describe('mergeEnvLayers', () => {
  it('takes every layer, later layers winning: workspace < project < job < run', () => {
    const workspace = { LEVEL: 'workspace', WS_ONLY: 'w' };
    const project = { LEVEL: 'project', PROJECT_ONLY: 'p' };
    const job = { LEVEL: 'job', JOB_ONLY: 'j' };
    const run = { LEVEL: 'run' };
    expect(mergeEnvLayers([workspace, project, job, run])).toEqual({
      env: {
        LEVEL: 'run',
        WS_ONLY: 'w',
        PROJECT_ONLY: 'p',
        JOB_ONLY: 'j',
      },
      secretEnv: {},
    });
  });

  it('keeps secrets sealed and apart from the plain variables', () => {
    const token = sealed('token');
    const merged = mergeEnvLayers([{ PLAIN: 'x', TOKEN: token }]);
    expect(merged.env).toEqual({ PLAIN: 'x' });
    expect(merged.secretEnv).toEqual({ TOKEN: token });
    expect(merged.secretEnv.TOKEN).toBe(token);
  });

  it('lets a later secret replace an earlier plain value, and the other way round', () => {
    const projectSecret = sealed('project');
    const jobSecret = sealed('job');
    const merged = mergeEnvLayers([
      { A: 'workspace', B: 'workspace' },
      { A: projectSecret, B: sealed('lost') },
      { B: 'job', C: jobSecret },
      { C: 'run' },
    ]);
    // A: a project secret wins over a workspace value.
    // B: a plain job value wins over a project secret: it is not secret any more.
    // C: a plain run value wins over a job secret.
    expect(merged.env).toEqual({ B: 'job', C: 'run' });
    expect(merged.secretEnv).toEqual({ A: projectSecret });
  });

  it("lets a model's build win over its project and its deployment over its build", () => {
    const buildSecret = sealed('build');
    const deploymentSecret = sealed('deployment');
    const merged = mergeEnvLayers([
      { LEVEL: 'workspace', KEY: sealed('workspace') },
      { LEVEL: 'project', KEY: sealed('project') },
      { LEVEL: buildSecret, KEY: buildSecret },
      { KEY: deploymentSecret },
    ]);
    expect(merged).toEqual({
      env: {},
      secretEnv: { LEVEL: buildSecret, KEY: deploymentSecret },
    });
  });

  it('lets the platform variables win over every layer, secret or not', () => {
    const merged = mergeEnvLayers(
      [{ ML_PROJECT_NAME: sealed('spoof'), ML_JOB_ID: 'spoof', OWN: 'x' }],
      { ML_PROJECT_NAME: 'churn', ML_JOB_ID: 'job-1' },
    );
    expect(merged).toEqual({
      env: { ML_PROJECT_NAME: 'churn', ML_JOB_ID: 'job-1', OWN: 'x' },
      secretEnv: {},
    });
  });

  it('refuses a masked secret that has no sealed value (an API read fed back)', () => {
    expect(() => mergeEnvLayers([{ TOKEN: { secret: true } }])).toThrow(
      'env var TOKEN is secret but has no sealed value',
    );
  });

  it('merges nothing into nothing', () => {
    expect(mergeEnvLayers([])).toEqual({ env: {}, secretEnv: {} });
  });
});

describe('withIdentityEnv', () => {
  it("puts the attempt's identity over plain variables of the same name", () => {
    const merged = withIdentityEnv(
      { env: { OWN: 'x', ML_WORKLOAD_ID: 'spoof' }, secretEnv: {} },
      { ML_WORKLOAD_ID: 'w-1', ML_WORKLOAD_TOKEN: 'tok' },
    );
    expect(merged).toEqual({
      env: { OWN: 'x', ML_WORKLOAD_ID: 'w-1', ML_WORKLOAD_TOKEN: 'tok' },
      secretEnv: {},
    });
  });

  it('drops a secret that names an identity variable and keeps the others', () => {
    const kept = sealed('kept');
    const merged = withIdentityEnv(
      {
        env: { OWN: 'x' },
        secretEnv: { ML_WORKLOAD_TOKEN: sealed('spoof'), KEPT: kept },
      },
      { ML_WORKLOAD_TOKEN: 'tok' },
    );
    expect(merged.env).toEqual({ OWN: 'x', ML_WORKLOAD_TOKEN: 'tok' });
    expect(merged.secretEnv).toEqual({ KEPT: kept });
    expect(merged.secretEnv.KEPT).toBe(kept);
  });

  it('keeps the layered env as it is when the identity names none of it', () => {
    const secret = sealed('s');
    const stored = mergeEnvLayers([{ A: 'a', S: secret }], {
      ML_PROJECT_NAME: 'churn',
    });
    expect(withIdentityEnv(stored, { ML_ATTEMPT: '1' })).toEqual({
      env: { A: 'a', ML_PROJECT_NAME: 'churn', ML_ATTEMPT: '1' },
      secretEnv: { S: secret },
    });
  });
});
