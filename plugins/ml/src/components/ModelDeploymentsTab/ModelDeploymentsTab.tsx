import { useState } from 'react';
import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { ModelDeployment, Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { replicasReady } from '../../lib/models';
import { formatTime } from '../../lib/workloads';
import { ConfirmDialog } from '../ConfirmDialog';
import { ModelState } from '../ModelPage/modelState';
import { DeploymentStatus } from '../ModelStatus';
import { GatedButton } from '../GatedButton';
import { ScaleDialog } from './ScaleDialog';
import { DenseTable } from '../tables/DenseTable';

/** @public */
export interface ModelDeploymentsTabProps {
  project: Project;
  state: ModelState;
}

const isRunning = (d: ModelDeployment) =>
  d.state === 'deploying' || d.state === 'deployed';

/**
 * Every deployment of the model; operators change the replicas of one, or
 * stop it.
 */
export function ModelDeploymentsTab(props: ModelDeploymentsTabProps) {
  const { project, state } = props;
  const { model, deployments, reload } = state;
  const api = useApi(mlApiRef);
  const access = useProjectAccess(project.id);
  const [scaling, setScaling] = useState<ModelDeployment>();
  const [stopping, setStopping] = useState<ModelDeployment>();

  const columns: TableColumn<ModelDeployment>[] = [
    {
      title: 'Build',
      render: d =>
        `#${d.buildNumber}${
          d.id === model.activeDeploymentId ? ' (active)' : ''
        }`,
    },
    {
      title: 'Status',
      render: d => <DeploymentStatus state={d.state} detail={d.reason} />,
    },
    {
      title: 'Replicas ready',
      render: d => (isRunning(d) ? replicasReady(d) : '—'),
    },
    { title: 'Profile', field: 'profile' },
    { title: 'Deployed by', field: 'createdBy' },
    { title: 'Deployed', render: d => formatTime(d.createdAt) },
    { title: 'Stopped', render: d => formatTime(d.stoppedAt) },
    {
      title: 'Actions',
      render: d =>
        isRunning(d) ? (
          <Box display="flex">
            <GatedButton
              requires={{ access, role: 'operator' }}
              size="small"
              onClick={() => setScaling(d)}
              aria-label={`Change replicas of build ${d.buildNumber}`}
            >
              Replicas
            </GatedButton>
            <GatedButton
              requires={{ access, role: 'operator' }}
              size="small"
              onClick={() => setStopping(d)}
              aria-label={`Stop build ${d.buildNumber}`}
            >
              Stop
            </GatedButton>
          </Box>
        ) : null,
    },
  ];

  return (
    <>
      <DenseTable<ModelDeployment>
        title="Deployments"
        columns={columns}
        data={deployments}
        emptyContent="No deployments yet. Deploy a built build from the Builds tab."
      />
      <ScaleDialog
        deployment={access.canOperate ? scaling : undefined}
        onClose={() => setScaling(undefined)}
        onScale={async replicas => {
          await api.scaleDeployment(
            project.id,
            model.id,
            scaling!.id,
            replicas,
          );
          setScaling(undefined);
          reload();
        }}
      />
      <ConfirmDialog
        open={Boolean(stopping) && access.canOperate}
        title={`Stop the deployment of build #${stopping?.buildNumber ?? ''}?`}
        confirmLabel="Stop"
        onConfirm={async () => {
          await api.stopDeployment(project.id, model.id, stopping!.id);
          reload();
        }}
        onClose={() => setStopping(undefined)}
      >
        {stopping?.id === model.activeDeploymentId
          ? 'Its replicas stop and the model answers no more requests until it is deployed again.'
          : 'Its replicas stop.'}
      </ConfirmDialog>
    </>
  );
}
