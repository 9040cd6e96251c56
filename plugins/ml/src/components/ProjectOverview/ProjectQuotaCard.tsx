import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { MlProjectQuota } from '../../api';
import { RESOURCE_KINDS } from '../../lib/resources';
import { ResourceUsageBar } from '../ResourceUsageBar';

/**
 * What the project's owner uses of their quota: work of a project is
 * charged to its owner, so this is shared with the owner's other projects.
 */
export function ProjectQuotaCard(props: { quota: MlProjectQuota }) {
  const { subject, limit, used } = props.quota;
  return (
    <InfoCard title="Quota" subheader={`Charged to ${subject}`}>
      {limit ? (
        RESOURCE_KINDS.filter(r => limit[r.key] > 0 || used[r.key] > 0).map(
          r => (
            <ResourceUsageBar
              key={r.key}
              label={r.label}
              used={used[r.key]}
              current={limit[r.key]}
              format={r.format}
            />
          ),
        )
      ) : (
        <Typography color="textSecondary">
          {subject} has no quota here: only the workspace's capacity limits this
          project's work.
        </Typography>
      )}
    </InfoCard>
  );
}
