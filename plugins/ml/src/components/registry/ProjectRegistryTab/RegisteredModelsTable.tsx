import { Link, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { MlflowRegisteredModel } from '../../../api';
import { formatMillis } from '../../experiments/runs';
import { DenseTable } from '../../tables/DenseTable';
import { withRowIds } from '../../tables/rowIds';
import { AliasChips } from '../AliasChips';
import { ModelStageChip } from '../ModelStageChip';
import { latestVersion, stagesInUse } from '../registry';

export interface RegisteredModelsTableProps {
  models: MlflowRegisteredModel[];
  /** The registered model's page. */
  linkTo: (model: MlflowRegisteredModel) => string;
}

/** A project's registered models: newest version, aliases and stages. */
export function RegisteredModelsTable(props: RegisteredModelsTableProps) {
  const { models, linkTo } = props;
  const columns: TableColumn<MlflowRegisteredModel>[] = [
    {
      title: 'Name',
      highlight: true,
      render: m => <Link to={linkTo(m)}>{m.name}</Link>,
    },
    {
      title: 'Latest version',
      render: m => {
        const latest = latestVersion(m);
        return latest ? `v${latest.version}` : '—';
      },
    },
    {
      title: 'Aliases',
      render: m => <AliasChips aliases={m.aliases} />,
    },
    {
      title: 'Stages',
      render: m => {
        const stages = stagesInUse(m);
        if (stages.length === 0) return '—';
        return (
          <Box display="flex" flexWrap="wrap" gridGap={8}>
            {stages.map(stage => (
              <ModelStageChip
                key={stage}
                stage={stage}
                detail={m.latest_versions
                  .filter(v => v.current_stage === stage)
                  .map(v => `v${v.version}`)
                  .join(', ')}
              />
            ))}
          </Box>
        );
      },
    },
    {
      title: 'Last updated',
      render: m => formatMillis(m.last_updated_timestamp),
    },
  ];
  return (
    <DenseTable<MlflowRegisteredModel>
      title="Registered models"
      columns={columns}
      data={withRowIds(models, m => m.name)}
      emptyContent="No registered models yet. Register one from a run's artifacts (on its page under Experiments), or with mlflow.register_model() in a session or job of this project."
    />
  );
}
