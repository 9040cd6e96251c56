import { ComponentType } from 'react';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { mlProjectChannel, Project } from '@ml-platform/plugin-ml-common';
import {
  Link as RouterLink,
  Route,
  Routes,
  useNavigate,
  useParams,
} from 'react-router-dom';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import {
  activeDeployment,
  isBuildLive,
  isDeploymentLive,
  replicasReady,
} from '../../lib/models';
import { projectSlug } from '../../lib/projectSlug';
import { modelRouteRef, projectRouteRef } from '../../routes';
import { AsyncFallback } from '../AsyncFallback';
import { BackLink } from '../BackLink';
import { DeleteAction } from '../GatedButton';
import { ModelAccessKeys } from '../ModelAccessKeys';
import { ModelBuildsTab } from '../ModelBuildsTab';
import { ModelDeploymentsTab } from '../ModelDeploymentsTab';
import { ModelMonitoring } from '../ModelMonitoring';
import { ModelMonitorsTab } from '../ModelMonitorsTab';
import { ModelOverview } from '../ModelOverview';
import { DeploymentStatus } from '../ModelStatus';
import { ModelTestPanel } from '../ModelTestPanel';
import { ModelState } from './modelState';

/** @public */
export interface ModelPageProps {
  project: Project;
  modelId: string;
}

/** What a tab of the model page shows, from the loaded model. */
type ModelPanel = ComponentType<{ project: Project; state: ModelState }>;

/** The tabs and the routes they link to, in one table. */
const TABS: { path: string; title: string; Panel: ModelPanel }[] = [
  { path: '', title: 'Overview', Panel: ModelOverview },
  { path: 'builds', title: 'Builds', Panel: ModelBuildsTab },
  { path: 'deployments', title: 'Deployments', Panel: ModelDeploymentsTab },
  { path: 'test', title: 'Test', Panel: ModelTestPanel },
  { path: 'monitoring', title: 'Monitoring', Panel: ModelMonitoring },
  { path: 'monitors', title: 'Monitors', Panel: ModelMonitorsTab },
  {
    path: 'keys',
    title: 'Access keys',
    Panel: ({ project, state }) => (
      <ModelAccessKeys project={project} model={state.model} />
    ),
  },
];

/**
 * One model: its status, and tabs for the overview, builds, deployments, a
 * test panel, monitoring, monitors and access keys. Builds and deployments
 * are reloaded every few seconds while any of them changes.
 */
export function ModelPage(props: ModelPageProps) {
  const { project, modelId } = props;
  const api = useApi(mlApiRef);
  const navigate = useNavigate();
  const projectLink = useRouteRef(projectRouteRef);
  const modelLink = useRouteRef(modelRouteRef);
  const tab = (useParams()['*'] ?? '').split('/')[0];
  const access = useProjectAccess(project.id);

  const loaded = usePolledAsync(
    async () => {
      const [model, builds, deployments] = await Promise.all([
        api.getModel(project.id, modelId),
        api.listBuilds(project.id, modelId),
        api.listDeployments(project.id, modelId),
      ]);
      return { model, builds, deployments };
    },
    [api, project.id, modelId],
    v => v.builds.some(isBuildLive) || v.deployments.some(isDeploymentLive),
    { channel: mlProjectChannel(project.id) },
  );

  const slug = projectSlug(project);
  const modelsLink = `${projectLink({ projectId: slug })}/models`;
  if (!loaded.value) {
    return (
      <AsyncFallback
        loading={loaded.loading}
        error={loaded.error}
        notFound="Model not found"
        back={{
          label: 'Back to the models',
          to: `${projectLink({ projectId: projectSlug(project) })}/models`,
        }}
      />
    );
  }

  const state: ModelState = { ...loaded.value, reload: loaded.retry };
  const { model } = state;
  const active = activeDeployment(model, state.deployments);
  const base = modelLink({ projectId: slug, modelId: model.id });
  const selected = Math.max(
    0,
    TABS.findIndex(t => t.path === tab),
  );

  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <BackLink to={modelsLink} label="All models" />
      </Grid>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center">
          <Typography variant="h4" component="h2">
            {`Model ${model.name}`}
          </Typography>
          <Box marginLeft={2}>
            <DeploymentStatus
              state={active?.state}
              detail={active ? `${replicasReady(active)} ready` : undefined}
            />
          </Box>
          <Box flexGrow={1} />
          <DeleteAction
            requires={{ access, role: 'contributor' }}
            question={`Delete model ${model.name}?`}
            consequences="Its deployments stop, its access keys stop working, and its builds and monitoring data are deleted."
            onDelete={async () => {
              await api.deleteModel(project.id, model.id);
              navigate(modelsLink);
            }}
          />
        </Box>
        <Tabs
          value={selected}
          indicatorColor="primary"
          textColor="primary"
          variant="scrollable"
          aria-label="Model tabs"
        >
          {TABS.map(t => (
            <Tab
              key={t.path}
              label={t.title}
              // A plain router link: tabs keep the tab colours, not a link's.
              component={RouterLink}
              to={t.path ? `${base}/${t.path}` : base}
            />
          ))}
        </Tabs>
      </Grid>
      <Grid item xs={12}>
        <Routes>
          {TABS.map(({ path, Panel }) => (
            <Route
              key={path}
              path={path || '/'}
              element={<Panel project={project} state={state} />}
            />
          ))}
        </Routes>
      </Grid>
    </Grid>
  );
}
