import { EnvVars } from '@ml-platform/plugin-ml-common';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migratedDatabaseForAll } from '../__testUtils__/migratedDatabase';
import { newProject, newWorkspace, oneNode } from '../__testUtils__/storeRows';
import { memorySettings } from '../__testUtils__/memorySettings';
import { EnvSecrets } from './EnvSecrets';
import { SealedSecret } from './SealedSecret';
import { ApplicationStore } from '../applications/ApplicationStore';
import { JobStore } from '../workloads/jobs/JobStore';
import { ModelBuildStore } from '../models/builds/ModelBuildStore';
import { ModelDeploymentStore } from '../models/deployments/ModelDeploymentStore';
import { ProjectStore } from '../database/ProjectStore';
import { WorkloadStore } from '../database/WorkloadStore';
import { WorkspaceStore } from '../database/WorkspaceStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const PLAINTEXT = 'pa55-word-for-the-at-rest-test';
const id = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** Every row of every table, as text: what someone who reads the database sees. */
async function everything(knex: Knex, tables: string[]): Promise<string> {
  const dump: unknown[] = [];
  for (const table of tables) dump.push(await knex(table).select('*'));
  return JSON.stringify(dump);
}

describe.each(databases.eachSupportedId())(
  'secret env at rest on %s',
  databaseId => {
    let knex: Knex;
    let secrets: EnvSecrets;
    let env: EnvVars;

    migratedDatabaseForAll(databases, databaseId, async created => {
      knex = created;
      secrets = new EnvSecrets({
        key: Buffer.alloc(32, 3),
        settings: memorySettings(),
      });
      env = await secrets.seal({
        PLAIN: 'visible',
        TOKEN: { secret: true, value: PLAINTEXT },
      });
    });

    const expectSealed = async (read: EnvVars | undefined) => {
      expect(read?.PLAIN).toBe('visible');
      expect(read?.TOKEN).toBeInstanceOf(SealedSecret);
      await expect(
        secrets.open({ TOKEN: read!.TOKEN as SealedSecret }),
      ).resolves.toEqual({ TOKEN: PLAINTEXT });
    };

    it('keeps only ciphertext in every env column, and reads back what opens again', async () => {
      const workspaces = new WorkspaceStore(knex);
      await workspaces.create(
        newWorkspace({
          env,
          nodeGroups: [oneNode(1, 1024)],
          defaultUserQuota: { cpu: 1, memoryMiB: 1024, gpu: 0 },
        }),
      );
      await expectSealed((await workspaces.get('ws'))?.env);
      await expectSealed((await workspaces.update('ws', { env }))?.env);

      const projects = new ProjectStore(knex);
      const project = await projects.create(
        newProject('p', {
          owner: 'user:default/a',
          visibility: 'private',
          env,
        }),
      );
      await expectSealed((await projects.get(project.id))?.env);
      await expectSealed((await projects.update(project.id, { env }))?.env);

      const jobs = new JobStore(knex);
      await jobs.create({
        id: id(1),
        projectId: project.id,
        name: 'j',
        script: 'main.py',
        args: [],
        env,
        runtimeId: id(9),
        profile: 'small',
        maxRetries: 0,
        retryBackoffSeconds: 0,
        timezone: 'UTC',
        enabled: true,
        createdBy: 'user:default/a',
      });
      await expectSealed((await jobs.get(id(1)))?.env);
      await expectSealed((await jobs.update(id(1), { env }))?.env);

      const builds = new ModelBuildStore(knex);
      await builds.create({
        id: id(2),
        modelId: id(3),
        filePath: 'model.py',
        functionName: 'predict',
        runtimeId: id(9),
        profile: 'small',
        comment: '',
        examples: [],
        env,
        datasets: [],
        lineageMetadata: {},
        createdBy: 'user:default/a',
      });
      await expectSealed((await builds.get(id(2)))?.env);

      const deployments = new ModelDeploymentStore(knex);
      await deployments.create({
        id: id(4),
        modelId: id(3),
        buildId: id(2),
        replicas: 1,
        profile: 'small',
        env,
        createdBy: 'x',
      });
      await expectSealed((await deployments.get(id(4)))?.env);

      const applications = new ApplicationStore(knex);
      await applications.create({
        id: id(5),
        projectId: project.id,
        name: 'a',
        slug: 'a',
        description: '',
        script: 'app.py',
        runtimeId: id(9),
        profile: 'small',
        env,
        bypassAuthentication: false,
        createdBy: 'user:default/a',
      });
      await expectSealed((await applications.get(id(5)))?.env);
      await expectSealed((await applications.update(id(5), { env }))?.env);

      const workloads = new WorkloadStore(knex);
      await workloads.insert({
        id: id(6),
        kind: 'job',
        projectId: project.id,
        workspace: 'ws',
        runtimeId: id(9),
        resources: { cpu: 1, memoryMiB: 1, gpu: 0 },
        chargedSubject: 'user:default/a',
        requester: 'user:default/a',
        maxAttempts: 1,
        retryBackoffSeconds: 0,
        args: [],
        env: { PLAIN: 'visible' },
        secretEnv: { TOKEN: env.TOKEN as SealedSecret },
        ports: [],
      });
      const workload = await workloads.get(id(6));
      expect(workload?.env).toEqual({ PLAIN: 'visible' });
      await expectSealed({ ...workload!.env, ...workload!.secretEnv });

      const dump = await everything(knex, [
        'workspaces',
        'projects',
        'jobs',
        'model_builds',
        'model_deployments',
        'applications',
        'workloads',
      ]);
      expect(dump).toContain('visible');
      expect(dump).toContain((env.TOKEN as SealedSecret).ciphertext);
      expect(dump).not.toContain(PLAINTEXT);
      expect(dump).not.toContain(Buffer.from(PLAINTEXT).toString('base64'));
    });

    it('refuses to store a secret that was not sealed', async () => {
      const projects = new ProjectStore(knex);
      const unsealed = {
        TOKEN: { secret: true, value: PLAINTEXT },
      } as unknown as EnvVars;
      await expect(
        projects.create(
          newProject('unsealed', {
            title: '',
            owner: 'user:default/a',
            visibility: 'private',
            env: unsealed,
          }),
        ),
      ).rejects.toThrow('env var TOKEN is secret but was not sealed');
      expect(await projects.findByName('ws', 'unsealed')).toBeUndefined();
    });

    it('reads rows written before secrets existed as plain variables', async () => {
      await knex('projects')
        .where({ name: 'p' })
        .update({ env: JSON.stringify({ OLD: 'value' }) });
      expect((await new ProjectStore(knex).findByName('ws', 'p'))?.env).toEqual(
        { OLD: 'value' },
      );
    });

    it('fails clearly when the key is not the one that sealed them', async () => {
      const workload = await new WorkloadStore(knex).get(id(6));
      const otherKey = new EnvSecrets({
        key: Buffer.alloc(32, 4),
        settings: memorySettings(),
      });
      await expect(otherKey.open(workload!.secretEnv)).rejects.toThrow(
        /secret env var TOKEN cannot be decrypted: it was encrypted with key .+ \(ml\.secrets\.key changed\?\)/,
      );
    });
  },
);
