import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { projectSlug } from '../../lib/projectSlug';
import { rootRouteRef } from '../../routes';
import { createMockMlApi, responseError } from '../../testing/mockMlApi';
import { ProjectOverview } from './ProjectOverview';
import {
  churnBuild,
  churnDeployment,
  churnModel,
  churnProject,
  dashboardApp,
  page,
  reportJob,
  runningSession,
  trainJob,
} from '../../testing/fixtures';

/** Queries within the card whose title is `title`, once it shows. */
async function cardTitled(title: string) {
  const heading = await screen.findByText(title);
  return within(heading.closest('[class*="MuiCard-root"]') as HTMLElement);
}

function mockProjectApi(readme: string | undefined) {
  const api = createMockMlApi();
  if (readme === undefined) {
    api.readFile.mockImplementation(async () => {
      throw await responseError(
        404,
        "No file or folder 'README.md'",
        'NotFoundError',
      );
    });
  } else {
    api.readFile.mockResolvedValue(readme);
  }
  api.listSessions.mockResolvedValue(page([runningSession]));
  api.listJobs.mockResolvedValue([trainJob, reportJob]);
  api.listModels.mockResolvedValue([
    { ...churnModel, activeDeploymentId: churnDeployment.id },
  ]);
  api.listBuilds.mockResolvedValue([churnBuild]);
  api.listDeployments.mockResolvedValue([churnDeployment]);
  api.listApplications.mockResolvedValue([dashboardApp]);
  api.getProjectQuota.mockResolvedValue({
    subject: 'user:default/jane',
    limit: { cpu: 2, memoryMiB: 4096, gpu: 0 },
    used: { cpu: 1, memoryMiB: 1024, gpu: 0 },
  });
  return api;
}

function renderOverview(
  api: ReturnType<typeof createMockMlApi>,
  project: Project,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[mlApiRef, api]]}>
      <ProjectOverview project={project} />
    </TestApiProvider>,
    { mountedRoutes: { '/ml': rootRouteRef } },
  );
}

describe('ProjectOverview', () => {
  it("renders the project's README as markdown", async () => {
    const api = mockProjectApi('# Churn\n\nPredicts **who leaves**.\n');
    await renderOverview(api, churnProject);

    expect(
      await screen.findByRole('heading', { name: 'Churn' }),
    ).toBeInTheDocument();
    expect(screen.getByText('who leaves').tagName).toBe('STRONG');
    expect(api.readFile).toHaveBeenCalledWith(churnProject.id, 'README.md');
  });

  it('points to the Files tab when there is no README', async () => {
    await renderOverview(mockProjectApi(undefined), churnProject);

    expect(
      await screen.findByText(/This project has no README.md yet/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Files' })).toHaveAttribute(
      'href',
      `/ml/projects/${projectSlug(churnProject)}/files`,
    );
  });

  it('counts what the project holds, with the newest states and links', async () => {
    await renderOverview(mockProjectApi('readme'), churnProject);

    const contents = await cardTitled('In this project');
    expect(contents.getByText('1 active of 1')).toBeInTheDocument();
    expect(contents.getByText('2 jobs, 0 running')).toBeInTheDocument();
    expect(contents.getByText('1 model, 1 deployed')).toBeInTheDocument();
    expect(
      contents.getByRole('link', { name: 'Models' }).getAttribute('href'),
    ).toMatch(/\/models$/);
    expect(contents.getByText('Deployed')).toBeInTheDocument();
  });

  it('lists recent sessions, runs, builds and deployments', async () => {
    await renderOverview(mockProjectApi('readme'), churnProject);

    const activity = await cardTitled('Recent activity');
    expect(
      activity.getByRole('link', { name: 'Exploration' }),
    ).toBeInTheDocument();
    expect(activity.getByRole('link', { name: 'train' })).toBeInTheDocument();
    expect(
      activity.getAllByRole('link', {
        name: `${churnModel.name} build ${churnBuild.number}`,
      }),
    ).toHaveLength(2);
    // The job that never ran has no line.
    expect(activity.queryByRole('link', { name: 'report' })).toBeNull();
  });

  it("shows the owner's quota use", async () => {
    await renderOverview(mockProjectApi('readme'), churnProject);

    expect(
      await screen.findByText('Charged to user:default/jane'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'CPU usage' }),
    ).toHaveAttribute('aria-valuenow', '50');
  });

  it('keeps the project details and no longer offers deleting', async () => {
    await renderOverview(mockProjectApi('readme'), {
      ...churnProject,
      owner: 'group:default/ml-team',
      teamRole: 'operator',
    });

    expect(screen.getByText('Predicts who leaves')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'demo' })).toHaveAttribute(
      'href',
      '/ml/workspaces/demo',
    );
    expect(
      screen.getByText('operator (members of the owner)'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Delete project' }),
    ).not.toBeInTheDocument();
  });
});
