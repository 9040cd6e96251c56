import { Link, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { Model } from '@ml-platform/plugin-ml-common';
import { MlflowModelStage, MlflowModelVersion } from '../../../api';
import { holdsRole, ProjectAccess } from '../../../hooks/useProjectAccess';
import { experimentRunRouteRef } from '../../../routes';
import { formatMillis } from '../../experiments/runs';
import { GatedButton } from '../../GatedButton';
import { DenseTable } from '../../tables/DenseTable';
import { withRowIds } from '../../tables/rowIds';
import { AliasChips } from '../AliasChips';
import { MenuButton } from '../MenuButton';
import { ModelStageChip } from '../ModelStageChip';
import { MODEL_STAGES, runOfSource } from '../registry';
import { RegistryServing } from './useVersionBuilds';
import { VersionServingCell } from './VersionServingCell';

/** What the versions' actions do; each is the contributor's. */
export interface VersionActions {
  onStage: (version: MlflowModelVersion, stage: MlflowModelStage) => void;
  onAddAlias: (version: MlflowModelVersion) => void;
  onRemoveAlias: (version: MlflowModelVersion, alias: string) => void;
  /** Opens the new-build dialog of that ML model for the version. */
  onBuild: (version: MlflowModelVersion, model: Model) => void;
}

export interface ModelVersionsTableProps extends VersionActions {
  versions: MlflowModelVersion[];
  /** The platform's builds and deployments of each version, once loaded. */
  serving?: RegistryServing;
  /** The `:projectId` of the links: the project's slug. */
  projectId: string;
  access: ProjectAccess;
  /** While an action runs: the actions wait. */
  busy: boolean;
}

/** The source run of a version, linked to its page, and the artifact path. */
function SourceRun(props: { version: MlflowModelVersion; projectId: string }) {
  const { version, projectId } = props;
  const runLink = useRouteRef(experimentRunRouteRef);
  const source = runOfSource(version.source);
  const runId = version.run_id || source?.runId;
  if (!runId) {
    return <>{version.source || '—'}</>;
  }
  return (
    <Link to={runLink({ projectId, runId })}>
      {`${runId.slice(0, 8)}${source?.path ? ` / ${source.path}` : ''}`}
    </Link>
  );
}

/**
 * A registered model's versions: stage, aliases, source run, who made it,
 * what the platform built and deployed from it, and its actions.
 */
export function ModelVersionsTable(props: ModelVersionsTableProps) {
  const { versions, serving, projectId, access, busy } = props;
  const requires = { access, role: 'contributor' as const };
  const canWrite = holdsRole(access, 'contributor');
  const models = serving?.models ?? [];

  const columns: TableColumn<MlflowModelVersion>[] = [
    { title: 'Version', highlight: true, render: v => `v${v.version}` },
    {
      title: 'Stage',
      render: v => <ModelStageChip stage={v.current_stage} />,
    },
    {
      title: 'Aliases',
      render: v => (
        <AliasChips
          aliases={v.aliases.map(alias => ({ alias }))}
          disabled={busy}
          onDelete={
            canWrite ? alias => props.onRemoveAlias(v, alias) : undefined
          }
        />
      ),
    },
    {
      title: 'Source run',
      render: v => <SourceRun version={v} projectId={projectId} />,
    },
    { title: 'Created', render: v => formatMillis(v.creation_timestamp) },
    { title: 'User', render: v => v.user_id || '—' },
    {
      title: 'Builds',
      render: v => (
        <VersionServingCell
          serving={serving?.byVersion.get(v.version)}
          projectId={projectId}
          show="builds"
        />
      ),
    },
    {
      title: 'Deployments',
      render: v => (
        <VersionServingCell
          serving={serving?.byVersion.get(v.version)}
          projectId={projectId}
          show="deployments"
        />
      ),
    },
    {
      title: 'Actions',
      render: v => (
        <Box display="flex" gridGap={4} aria-label={`Actions of v${v.version}`}>
          <MenuButton
            label="Stage"
            name={`Stage of v${v.version}`}
            requires={requires}
            disabled={busy}
            items={MODEL_STAGES.map(stage => ({
              key: stage,
              label: `Move to ${stage}`,
              disabled: stage === (v.current_stage ?? 'None'),
              onSelect: () => props.onStage(v, stage),
            }))}
          />
          <GatedButton
            size="small"
            requires={requires}
            disabled={busy}
            onClick={() => props.onAddAlias(v)}
            aria-label={`Add an alias to v${v.version}`}
          >
            Alias
          </GatedButton>
          <MenuButton
            label="Build"
            name={`Build v${v.version}`}
            requires={requires}
            disabled={busy || !serving}
            items={
              models.length
                ? models.map(model => ({
                    key: model.id,
                    label: `Into model ${model.name}`,
                    onSelect: () => props.onBuild(v, model),
                  }))
                : [
                    {
                      key: 'none',
                      label:
                        'The project has no ML model: create one under Models',
                      disabled: true,
                      onSelect: () => {},
                    },
                  ]
            }
          />
        </Box>
      ),
    },
  ];
  return (
    <DenseTable<MlflowModelVersion>
      title="Versions"
      columns={columns}
      data={withRowIds(versions, v => v.version)}
      emptyContent="No versions yet."
    />
  );
}
