import { LoggerService } from '@backstage/backend-plugin-api';
import { WorkspaceStore } from '../database';
import { ProfileService } from '../platform/ProfileService';
import { ProjectService } from '../projects/ProjectService';
import { WorkspaceService } from '../platform/WorkspaceService';

const DEMO_OWNER = 'group:default/guests';

const DEMO_README = `# Demo project

A small project to try the ML platform with. \`analysis.py\` uses only the
Python standard library, so it runs in any runtime.
`;

const DEMO_ANALYSIS = `"""Fits a straight line to noisy points with least squares."""
import random
import statistics

random.seed(7)
xs = [x / 10 for x in range(100)]
ys = [3.0 * x + 2.0 + random.gauss(0, 0.5) for x in xs]

slope, intercept = statistics.linear_regression(xs, ys)
print(f"slope={slope:.3f} intercept={intercept:.3f}")
`;

/**
 * Fills an empty database with a demo workspace, profiles and a project, so a
 * first start shows something to click. A database that already has any
 * workspace is left alone, so deleting the demo is respected.
 */
export class DemoSeeder {
  constructor(
    private readonly deps: {
      logger: LoggerService;
      workspaceStore: WorkspaceStore;
      workspaces: WorkspaceService;
      profiles: ProfileService;
      projects: ProjectService;
    },
  ) {}

  async seed(): Promise<void> {
    const existing = await this.deps.workspaceStore.list({
      sort: [],
      pageSize: 1,
      offset: 0,
    });
    if (existing.totalSize > 0) {
      return;
    }
    const workspace = await this.deps.workspaces.create(
      {
        name: 'demo',
        title: 'Demo workspace',
        description:
          'Local processes on this machine, with simulated autoscaling.',
        owner: DEMO_OWNER,
        driver: 'local',
        nodeGroups: [
          {
            name: 'standard',
            cpu: 4,
            memoryMiB: 16384,
            gpu: 0,
            minNodes: 1,
            maxNodes: 3,
            scaleUpDelaySeconds: 20,
          },
        ],
        env: { ML_PLATFORM_DEMO: 'true' },
      },
      DEMO_OWNER,
    );
    for (const [name, cpu, memoryMiB] of [
      ['small', 1, 2048],
      ['medium', 2, 4096],
      ['large', 4, 8192],
    ] as const) {
      await this.deps.profiles.create(workspace.name, {
        name,
        description: `${cpu} vCPU, ${memoryMiB / 1024} GiB`,
        cpu,
        memoryMiB,
        gpu: 0,
      });
    }
    await this.deps.projects.create(
      {
        workspace: workspace.name,
        name: 'demo-project',
        title: 'Demo project',
        description: 'Least squares on synthetic data, standard library only.',
        owner: DEMO_OWNER,
        visibility: 'public',
        teamRole: 'contributor',
        env: {},
      },
      DEMO_OWNER,
      { 'README.md': DEMO_README, 'analysis.py': DEMO_ANALYSIS },
    );
    this.deps.logger.info('Seeded the demo workspace, profiles and project');
  }
}
