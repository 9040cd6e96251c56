import {
  CodeSnippet,
  InfoCard,
  StructuredMetadataTable,
  TableColumn,
} from '@backstage/core-components';
import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ModelReplica, Project } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { useRuntimes } from '../../hooks/useRuntimes';
import {
  activeDeployment,
  curlExample,
  exampleRequest,
  replicasReady,
} from '../../lib/models';
import { formatTime } from '../../lib/workloads';
import { ModelState } from '../ModelPage/modelState';
import { DeploymentStatus } from '../ModelStatus';
import { WorkloadStatus } from '../WorkloadStatus';
import { DenseTable } from '../tables/DenseTable';

/** @public */
export interface ModelOverviewProps {
  project: Project;
  state: ModelState;
}

/** The ML API's base URL, where the model endpoints are. */
export function useMlBaseUrl(): string | undefined {
  const discoveryApi = useApi(discoveryApiRef);
  return useAsync(() => discoveryApi.getBaseUrl('ml'), [discoveryApi]).value;
}

/**
 * What serves the model now (build, replicas and their state), how to call
 * it (endpoint and a curl command in CML's format), and its description.
 */
export function ModelOverview(props: ModelOverviewProps) {
  const { state } = props;
  const { model, builds, deployments } = state;
  const runtimes = useRuntimes();
  const baseUrl = useMlBaseUrl();
  const active = activeDeployment(model, deployments);
  const build = builds.find(b => b.id === active?.buildId);
  const endpointUrl = `${baseUrl ?? '/api/ml'}/model`;

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
                function: build
                  ? `${build.functionName} in ${build.filePath}`
                  : '—',
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
                ? 'Disabled: no access key needed'
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
        <InfoCard
          title="Endpoint"
          subheader="POST a JSON body with an access key and the request"
        >
          <Box marginBottom={2}>
            <CodeSnippet
              text={endpointUrl}
              language="text"
              showCopyCodeButton
            />
          </Box>
          <CodeSnippet
            text={curlExample({
              endpointUrl,
              request: exampleRequest(builds, active?.buildId) ?? {},
            })}
            language="bash"
            showCopyCodeButton
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
