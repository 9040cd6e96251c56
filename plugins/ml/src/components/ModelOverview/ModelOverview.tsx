import {
  InfoCard,
  StructuredMetadataTable,
  TableColumn,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ModelReplica, Project } from '@ml-platform/plugin-ml-common';
import { useRuntimes } from '../../hooks/useRuntimes';
import {
  activeDeployment,
  describeBuildFunction,
  exampleRequest,
  replicasReady,
} from '../../lib/models';
import { projectSlug } from '../../lib/projectSlug';
import { formatTime } from '../../lib/workloads';
import { ModelEndpointCard } from '../ModelEndpointCard';
import { ModelLineageList } from '../ModelLineageList';
import { ModelState } from '../ModelPage/modelState';
import { DeploymentStatus } from '../ModelStatus';
import { WorkloadStatus } from '../WorkloadStatus';
import { DenseTable } from '../tables/DenseTable';

/** @public */
export interface ModelOverviewProps {
  project: Project;
  state: ModelState;
}

/**
 * What serves the model now (build, replicas and their state), how to call
 * it (endpoint and a curl command in CML's format), its description and
 * its lineage.
 */
export function ModelOverview(props: ModelOverviewProps) {
  const { state } = props;
  const { model, builds, deployments } = state;
  const runtimes = useRuntimes();
  const active = activeDeployment(model, deployments);
  const build = builds.find(b => b.id === active?.buildId);

  const replicaColumns: TableColumn<ModelReplica>[] = [
    { title: 'Replica', render: r => String(r.index) },
    { title: 'State', render: r => <WorkloadStatus state={r.state} /> },
    { title: 'Takes traffic', render: r => (r.ready ? 'Yes' : 'No') },
    { title: 'Reason', render: r => r.reason ?? '—' },
  ];

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Active deployment">
          {active ? (
            <StructuredMetadataTable
              dense
              metadata={{
                status: (
                  <DeploymentStatus
                    state={active.state}
                    detail={active.reason}
                  />
                ),
                build: `#${active.buildNumber}${
                  build?.comment ? ` — ${build.comment}` : ''
                }`,
                function: build ? describeBuildFunction(build) : '—',
                runtime: build ? runtimes.label(build.runtimeId) : '—',
                profile: active.profile,
                'replicas ready': replicasReady(active),
                'deployed by': active.createdBy,
                since: formatTime(active.createdAt),
              }}
            />
          ) : (
            <Typography color="textSecondary">
              Not deployed. Deploy a built build from the Builds tab.
            </Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="About">
          <Typography paragraph>
            {model.description || 'No description.'}
          </Typography>
          <StructuredMetadataTable
            dense
            metadata={{
              authentication: model.disableAuthentication
                ? 'Disabled: the per-model URL needs no access key'
                : 'An access key per call',
              'created by': model.createdBy,
              created: formatTime(model.createdAt),
            }}
          />
        </InfoCard>
      </Grid>
      {active && (
        <Grid item xs={12}>
          <DenseTable<ModelReplica>
            title="Replicas"
            columns={replicaColumns}
            data={active.replicaStatus}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <ModelEndpointCard
          projectId={model.projectId}
          model={model}
          request={exampleRequest(builds, active?.buildId)}
        />
      </Grid>
      <Grid item xs={12}>
        <ModelLineageList
          model={model}
          projectId={projectSlug(props.project)}
        />
      </Grid>
    </Grid>
  );
}
