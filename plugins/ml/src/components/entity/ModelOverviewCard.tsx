import {
  InfoCard,
  MissingAnnotationEmptyState,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_ML_MODEL_ID,
  ModelDeployment,
} from '@ml-platform/plugin-ml-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { replicasReady } from '../../lib/models';
import { modelRouteRef } from '../../routes';
import { AsyncFallback } from '../AsyncFallback';
import { DeploymentStatus } from '../ModelStatus';
import { mlEntityIds } from './entityIds';
import { summarizeMetrics } from './metricsSummary';
import { compactTableOptions } from '../tables/DenseTable';

function Figure(props: { label: string; value: string }) {
  return (
    <Grid item xs={4}>
      <Typography variant="h5">{props.value}</Typography>
      <Typography variant="caption" color="textSecondary">
        {props.label}
      </Typography>
    </Grid>
  );
}

/**
 * A Model entity's deployments and its traffic of the last hour (requests,
 * errors, p95 latency), linking to the model's ML page.
 */
export function ModelOverviewCard() {
  const { entity } = useEntity();
  const { projectId, modelId } = mlEntityIds(entity);
  const api = useApi(mlApiRef);
  const modelLink = useRouteRef(modelRouteRef);
  const { value, loading, error } = useAsync(async () => {
    if (!projectId || !modelId) return undefined;
    const [model, deployments, metrics] = await Promise.all([
      api.getModel(projectId, modelId),
      api.listDeployments(projectId, modelId),
      api.getModelMetrics(projectId, modelId),
    ]);
    return { model, deployments, summary: summarizeMetrics(metrics) };
  }, [api, projectId, modelId]);

  if (!projectId || !modelId) {
    return <MissingAnnotationEmptyState annotation={ANNOTATION_ML_MODEL_ID} />;
  }
  const link = modelLink({ projectId, modelId });
  const columns: TableColumn<ModelDeployment>[] = [
    { title: 'Build', render: d => `#${d.buildNumber}` },
    { title: 'State', render: d => <DeploymentStatus state={d.state} /> },
    { title: 'Replicas', render: d => replicasReady(d) },
    {
      title: 'Serving',
      render: d => (d.id === value?.model.activeDeploymentId ? 'Yes' : ''),
    },
  ];
  return (
    <InfoCard title="Model" deepLink={{ title: 'Open in ML', link }}>
      {!value ? (
        <AsyncFallback
          loading={loading}
          error={error}
          notFound="No such model"
        />
      ) : (
        <>
          <Grid container spacing={2}>
            <Figure
              label="requests, last hour"
              value={String(value.summary.requests)}
            />
            <Figure
              label="errors, last hour"
              value={String(value.summary.errors)}
            />
            <Figure
              label="p95 latency"
              value={
                value.summary.latestP95Ms === undefined
                  ? '–'
                  : `${Math.round(value.summary.latestP95Ms)} ms`
              }
            />
          </Grid>
          <Table
            title="Deployments"
            options={{ ...compactTableOptions, toolbar: false }}
            columns={columns}
            data={value.deployments}
            emptyContent={
              <Typography variant="body2" style={{ padding: 16 }}>
                Not deployed yet.
              </Typography>
            }
          />
        </>
      )}
    </InfoCard>
  );
}
