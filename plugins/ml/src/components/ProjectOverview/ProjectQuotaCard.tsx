import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { formatMemory } from '@ml-platform/plugin-ml-common';
import { MlProjectQuota } from '../../api';
import { formatGpu, formatVcpu } from '../../lib/resources';
import { ResourceUsageBar } from '../ResourceUsageBar';

const RESOURCES = [
  { key: 'cpu', label: 'CPU', format: formatVcpu },
  { key: 'memoryMiB', label: 'Memory', format: formatMemory },
  { key: 'gpu', label: 'GPU', format: formatGpu },
] as const;

/**
 * What the project's owner uses of their quota: work of a project is
 * charged to its owner, so this is shared with the owner's other projects.
 */
export function ProjectQuotaCard(props: { quota: MlProjectQuota }) {
  const { subject, limit, used } = props.quota;
  return (
    <InfoCard title="Quota" subheader={`Charged to ${subject}`}>
      {limit ? (
        RESOURCES.filter(r => limit[r.key] > 0 || used[r.key] > 0).map(r => (
          <ResourceUsageBar
            key={r.key}
            label={r.label}
            used={used[r.key]}
            current={limit[r.key]}
            format={r.format}
          />
        ))
      ) : (
        <Typography color="textSecondary">
          {subject} has no quota here: only the workspace's capacity limits this
          project's work.
        </Typography>
      )}
    </InfoCard>
  );
}
