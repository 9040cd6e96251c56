import { Link, TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { LineageEdge, LineageNode, Model } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { describeError } from '../../lib/errors';
import {
  experimentRunRouteRef,
  modelRouteRef,
  registeredModelRouteRef,
} from '../../routes';
import { ErrorAlert } from '../ErrorAlert';
import { DenseTable } from '../tables/DenseTable';
import { withRowIds } from '../tables/rowIds';
import {
  EDGE_LABELS,
  LineageLinks,
  NODE_KIND_LABELS,
  lineageNodeLink,
} from './lineageLinks';

/** @public */
export interface ModelLineageListProps {
  model: Model;
  /** The `:projectId` of the links: the project's slug. */
  projectId: string;
}

function NodeCell(props: { node?: LineageNode; links: LineageLinks }) {
  const { node, links } = props;
  if (!node) return <>—</>;
  const to = lineageNodeLink(node, links);
  return (
    <>
      <Typography variant="caption" color="textSecondary" component="div">
        {NODE_KIND_LABELS[node.kind] ?? node.kind}
      </Typography>
      {to ? <Link to={to}>{node.label}</Link> : node.label}
    </>
  );
}

/**
 * The model's lineage as a list of its edges: datasets and experiment runs,
 * the registry versions they were registered as, builds, deployments, the
 * endpoint and the applications that call it; each linked to its page.
 */
export function ModelLineageList(props: ModelLineageListProps) {
  const { model, projectId } = props;
  const api = useApi(mlApiRef);
  const runLink = useRouteRef(experimentRunRouteRef);
  const registeredLink = useRouteRef(registeredModelRouteRef);
  const modelLink = useRouteRef(modelRouteRef);
  const lineage = useAsync(
    async () => api.getModelLineage(model.projectId, model.id),
    [api, model.projectId, model.id],
  );

  if (lineage.error) {
    return (
      <ErrorAlert
        message={`The lineage could not be read: ${describeError(
          lineage.error,
        )}`}
      />
    );
  }
  const value = lineage.value;
  if (!value) {
    return null;
  }
  const links: LineageLinks = {
    experimentRun: runId => runLink({ projectId, runId }),
    registeredModel: modelName => registeredLink({ projectId, modelName }),
    modelTab: tab => {
      const base = modelLink({ projectId, modelId: model.id });
      return tab ? `${base}/${tab}` : base;
    },
  };
  const nodes = new Map(value.nodes.map(n => [n.id, n]));
  const columns: TableColumn<LineageEdge>[] = [
    {
      title: 'From',
      render: e => <NodeCell node={nodes.get(e.from)} links={links} />,
    },
    { title: 'Relation', render: e => EDGE_LABELS[e.type] ?? e.type },
    {
      title: 'To',
      render: e => <NodeCell node={nodes.get(e.to)} links={links} />,
    },
  ];
  return (
    <DenseTable<LineageEdge>
      title="Lineage"
      columns={columns}
      data={withRowIds(value.edges, e => `${e.from}>${e.type}>${e.to}`)}
      emptyContent="No lineage yet: it grows with builds (their lineage.yaml datasets, or a registry version's run), deployments and the applications that call the model."
    />
  );
}
