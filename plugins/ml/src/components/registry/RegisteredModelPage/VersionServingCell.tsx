import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { modelRouteRef } from '../../../routes';
import { BuildStatus, DeploymentStatus } from '../../ModelStatus';
import { VersionServing } from './useVersionBuilds';

export interface VersionServingCellProps {
  serving?: VersionServing;
  /** The `:projectId` of the links: the project's slug. */
  projectId: string;
  /** Which of the two the cell lists. */
  show: 'builds' | 'deployments';
}

/** A version's builds (or their deployments), linked to their model's tab. */
export function VersionServingCell(props: VersionServingCellProps) {
  const { serving, projectId, show } = props;
  const modelLink = useRouteRef(modelRouteRef);
  const tabOf = (modelId: string) =>
    `${modelLink({ projectId, modelId })}/${show}`;
  const entries =
    show === 'builds'
      ? (serving?.builds ?? []).map(({ model, build }) => ({
          key: build.id,
          to: tabOf(model.id),
          label: `${model.name} #${build.number}`,
          status: <BuildStatus state={build.state} />,
        }))
      : (serving?.deployments ?? []).map(({ model, deployment }) => ({
          key: deployment.id,
          to: tabOf(model.id),
          label: `${model.name} #${deployment.buildNumber}`,
          status: <DeploymentStatus state={deployment.state} />,
        }));
  if (entries.length === 0) {
    return <>—</>;
  }
  return (
    <Box display="flex" flexDirection="column" gridGap={4}>
      {entries.map(entry => (
        <Box key={entry.key} display="flex" alignItems="center" gridGap={8}>
          <Link to={entry.to}>{entry.label}</Link>
          {entry.status}
        </Box>
      ))}
    </Box>
  );
}
