import { LoggerService } from '@backstage/backend-plugin-api';
import { Project } from '@ml-platform/plugin-ml-common';
import { RuntimeService } from '../platform/RuntimeService';
import { ProjectFiles } from '../projects/ProjectFiles';
import { ProjectService } from '../projects/ProjectService';
import { ModelBuildService } from '../models/builds/ModelBuildService';
import { ModelDeploymentService } from '../models/deployments/ModelDeploymentService';
import { ModelService } from '../models/ModelService';

const DEMO_WORKSPACE = 'demo';
const DEMO_PROJECT = 'demo-project';
const DEMO_MODEL = 'demo-model';
const DEMO_MODEL_FILE = 'model.py';
const DEMO_PROFILE = 'small';

const DEMO_MODEL_PY = `"""The demo model: adds two numbers. Try it with {"a": 1, "b": 2}."""


def predict(args):
    return {"sum": args["a"] + args["b"]}
`;

/**
 * Gives the demo project a model that is built and deployed with one
 * replica, so the Test panel answers on a first start. Start-up does not wait
 * for the build: the deployment is made when the build ends. Idempotent: it
 * acts only while the project has no model.py (a new seed) or the demo model
 * has a build but no deployment yet (a restart in between); a deleted demo
 * model stays deleted.
 */
export class DemoModelSeeder {
  constructor(
    private readonly deps: {
      logger: LoggerService;
      projects: ProjectService;
      files: ProjectFiles;
      runtimes: RuntimeService;
      models: ModelService;
      modelBuilds: ModelBuildService;
      modelDeployments: ModelDeploymentService;
    },
  ) {}

  async seed(): Promise<void> {
    const project = await this.demoProject();
    if (!project) return;
    const owner = project.owner;
    const hasFile = await this.deps.files
      .stat(project.id, DEMO_MODEL_FILE)
      .then(
        () => true,
        () => false,
      );
    const model = (await this.deps.models.list(project.id)).find(
      m => m.name === DEMO_MODEL,
    );
    if (!model) {
      if (hasFile) return;
      const runtime = (
        await this.deps.runtimes.list({
          sort: [],
          pageSize: 1,
          offset: 0,
          all: false,
          enabled: true,
        })
      ).items[0];
      if (!runtime) {
        this.deps.logger.info(
          'No runtime is configured; the demo model is not seeded',
        );
        return;
      }
      await this.deps.files.write(
        project.id,
        DEMO_MODEL_FILE,
        Buffer.from(DEMO_MODEL_PY),
      );
      const created = await this.deps.models.create(
        project.id,
        {
          name: DEMO_MODEL,
          description: 'Adds two numbers (the demo; no access key needed).',
          disableAuthentication: true,
        },
        owner,
      );
      this.deployWhenBuilt(project.id, created.id, owner);
      await this.deps.modelBuilds.create(
        project.id,
        created.id,
        {
          filePath: DEMO_MODEL_FILE,
          functionName: 'predict',
          runtimeId: runtime.id,
          comment: 'Seeded with the demo',
          examples: [{ request: { a: 1, b: 2 }, response: { sum: 3 } }],
          env: {},
        },
        owner,
      );
      this.deps.logger.info(
        'Seeded the demo model; it deploys when its build ends',
      );
      return;
    }
    if (
      (await this.deps.modelDeployments.list(project.id, model.id)).length > 0
    )
      return;
    const builds = await this.deps.modelBuilds.list(project.id, model.id);
    const built = builds.find(b => b.state === 'built');
    if (built) {
      await this.deploy(project.id, model.id, built.id, owner);
    } else if (
      builds.some(b => b.state === 'queued' || b.state === 'building')
    ) {
      this.deployWhenBuilt(project.id, model.id, owner);
    }
  }

  private async demoProject(): Promise<Project | undefined> {
    const page = await this.deps.projects.list(
      {
        filter: DEMO_PROJECT,
        sort: [],
        pageSize: 50,
        offset: 0,
        workspace: DEMO_WORKSPACE,
      },
      { all: true },
    );
    return page.items.find(p => p.name === DEMO_PROJECT);
  }

  private deployWhenBuilt(projectId: string, modelId: string, owner: string) {
    this.deps.modelBuilds.onBuildEnded(async build => {
      if (build.modelId !== modelId || build.state !== 'built') return;
      if (
        (await this.deps.modelDeployments.list(projectId, modelId)).length > 0
      )
        return;
      await this.deploy(projectId, modelId, build.id, owner);
    });
  }

  private async deploy(
    projectId: string,
    modelId: string,
    buildId: string,
    owner: string,
  ) {
    await this.deps.modelDeployments.create(
      projectId,
      modelId,
      { buildId, replicas: 1, profile: DEMO_PROFILE, env: {} },
      owner,
    );
    this.deps.logger.info('Deployed the demo model with one replica');
  }
}
