import { useState } from 'react';
import { Link, TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import {
  mlProjectChannel,
  Model,
  ModelBuild,
  ModelDeployment,
  Project,
} from '@ml-platform/plugin-ml-common';
import { useNavigate } from 'react-router-dom';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import {
  activeDeployment,
  isBuildLive,
  isDeploymentLive,
  latestBuild,
  replicasReady,
} from '../../lib/models';
import { projectSlug } from '../../lib/projectSlug';
import { formatTime } from '../../lib/workloads';
import { modelRouteRef } from '../../routes';
import { AsyncTable } from '../AsyncTable';
import { BuildStatus, DeploymentStatus } from '../ModelStatus';
import { NewItemButton } from '../NewItemButton';
import { NewModelDialog } from '../NewModelDialog';

/** @public */
export interface ModelsListProps {
  project: Project;
}

interface ModelRow {
  model: Model;
  deployment?: ModelDeployment;
  build?: ModelBuild;
}

/** A project's models with what serves each one, and "New model". */
export function ModelsList(props: ModelsListProps) {
  const { project } = props;
  const api = useApi(mlApiRef);
  const navigate = useNavigate();
  const modelLink = useRouteRef(modelRouteRef);
  const access = useProjectAccess(project.id);
  const [creating, setCreating] = useState(false);
  const { value, loading, error } = usePolledAsync(
    async () => {
      const models = await api.listModels(project.id);
      // A project has a handful of models: one call each for the columns.
      return Promise.all(
        models.map(async (model): Promise<ModelRow> => {
          const [deployments, builds] = await Promise.all([
            api.listDeployments(project.id, model.id),
            api.listBuilds(project.id, model.id),
          ]);
          return {
            model,
            deployment: activeDeployment(model, deployments),
            build: latestBuild(builds),
          };
        }),
      );
    },
    [api, project.id],
    rows =>
      rows.some(
        r =>
          (r.deployment && isDeploymentLive(r.deployment)) ||
          (r.build && isBuildLive(r.build)),
      ),
    { channel: mlProjectChannel(project.id) },
  );
  const linkTo = (model: Model) =>
    modelLink({ projectId: projectSlug(project), modelId: model.id });

  const columns: TableColumn<ModelRow>[] = [
    {
      title: 'Name',
      highlight: true,
      render: r => <Link to={linkTo(r.model)}>{r.model.name}</Link>,
    },
    { title: 'Description', render: r => r.model.description || '—' },
    {
      title: 'Status',
      render: r => <DeploymentStatus state={r.deployment?.state} />,
    },
    {
      title: 'Replicas ready',
      render: r => (r.deployment ? replicasReady(r.deployment) : '—'),
    },
    {
      title: 'Latest build',
      render: r =>
        r.build ? (
          <Box display="flex" alignItems="center">
            <Box marginRight={1}>{`#${r.build.number}`}</Box>
            <BuildStatus state={r.build.state} />
          </Box>
        ) : (
          'None'
        ),
    },
    { title: 'Updated', render: r => formatTime(r.model.updatedAt) },
  ];

  const table = (
    <AsyncTable<ModelRow>
      title="Models"
      columns={columns}
      rows={value}
      loading={loading}
      error={value ? undefined : error}
      emptyContent="No models yet. A model serves a function of the project's code as a REST endpoint."
    />
  );

  return (
    <>
      <NewItemButton
        label="New model"
        onClick={() => setCreating(true)}
        requires={{ access, role: 'contributor' }}
      />
      {table}
      <NewModelDialog
        open={creating && access.canWrite}
        project={project}
        onClose={() => setCreating(false)}
        onCreated={model => {
          setCreating(false);
          navigate(linkTo(model));
        }}
      />
    </>
  );
}
