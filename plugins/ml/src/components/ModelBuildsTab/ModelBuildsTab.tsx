import { useState } from 'react';
import { TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import {
  BuildState,
  ModelBuild,
  Project,
  WorkloadState,
} from '@ml-platform/plugin-ml-common';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { useRuntimes } from '../../hooks/useRuntimes';
import {
  activeDeployment,
  describeBuildFunction,
  latestBuild,
} from '../../lib/models';
import { formatTime } from '../../lib/workloads';
import { DeployDialog } from '../DeployDialog';
import { ModelState } from '../ModelPage/modelState';
import { BuildStatus } from '../ModelStatus';
import { NewBuildDialog } from '../NewBuildDialog';
import { NewItemButton } from '../NewItemButton';
import { GatedButton } from '../GatedButton';
import { WorkloadLogs } from '../WorkloadLogs';
import { DenseTable } from '../tables/DenseTable';

/** @public */
export interface ModelBuildsTabProps {
  project: Project;
  state: ModelState;
}

// The build workload's state as the log viewer needs it (live or ended);
// the build's own state follows its workload.
const WORKLOAD_STATE: Record<BuildState, WorkloadState> = {
  queued: 'queued',
  building: 'running',
  built: 'succeeded',
  failed: 'failed',
  stopped: 'stopped',
};

/**
 * The model's builds with their state and why one failed, the logs of the
 * chosen build (live while it builds), "New build" (contributors), and
 * "Deploy" on a built one (operators).
 */
export function ModelBuildsTab(props: ModelBuildsTabProps) {
  const { project, state } = props;
  const { model, builds, deployments, reload } = state;
  const runtimes = useRuntimes();
  const access = useProjectAccess(project.id);
  const [creating, setCreating] = useState(false);
  const [deploying, setDeploying] = useState<ModelBuild>();
  const [chosenId, setChosenId] = useState<string>();
  const chosen = builds.find(b => b.id === chosenId) ?? latestBuild(builds);

  const columns: TableColumn<ModelBuild>[] = [
    { title: 'Build', render: b => `#${b.number}`, width: '8%' },
    {
      title: 'Status',
      render: b => <BuildStatus state={b.state} />,
      width: '12%',
    },
    { title: 'Comment', render: b => b.comment || '—' },
    {
      title: 'Function',
      render: b => describeBuildFunction(b),
    },
    { title: 'Runtime', render: b => runtimes.label(b.runtimeId) },
    { title: 'Why it failed', render: b => b.reason ?? '—' },
    { title: 'Created', render: b => formatTime(b.createdAt) },
    {
      title: 'Actions',
      cellStyle: { whiteSpace: 'nowrap' },
      render: b => (
        <Box display="flex">
          <Button size="small" onClick={() => setChosenId(b.id)}>
            Logs
          </Button>
          {b.state === 'built' && (
            <GatedButton
              requires={{ access, role: 'operator' }}
              size="small"
              color="primary"
              onClick={() => setDeploying(b)}
              aria-label={`Deploy build ${b.number}`}
            >
              Deploy
            </GatedButton>
          )}
        </Box>
      ),
    },
  ];

  return (
    <>
      <NewItemButton
        label="New build"
        onClick={() => setCreating(true)}
        requires={{ access, role: 'contributor' }}
      />
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <DenseTable<ModelBuild>
            title="Builds"
            columns={columns}
            data={builds}
            emptyContent="No builds yet. A build snapshots the project's files and checks that the function can be imported."
          />
        </Grid>
        {chosen?.workloadId && (
          <Grid item xs={12}>
            <WorkloadLogs
              key={chosen.id}
              title={`Logs of build #${chosen.number}`}
              workload={{
                id: chosen.workloadId,
                state: WORKLOAD_STATE[chosen.state],
                attempt: 1,
              }}
            />
          </Grid>
        )}
      </Grid>
      <NewBuildDialog
        open={creating && access.canWrite}
        project={project}
        model={model}
        previous={latestBuild(builds)}
        onClose={() => setCreating(false)}
        onCreated={build => {
          setCreating(false);
          setChosenId(build.id);
          reload();
        }}
      />
      <DeployDialog
        build={access.canOperate ? deploying : undefined}
        project={project}
        model={model}
        current={activeDeployment(model, deployments)}
        onClose={() => setDeploying(undefined)}
        onDeployed={() => {
          setDeploying(undefined);
          reload();
        }}
      />
    </>
  );
}
