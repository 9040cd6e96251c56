import { useState } from 'react';
import {
  InfoCard,
  Link,
  StructuredMetadataTable,
} from '@backstage/core-components';
import DeleteIcon from '@material-ui/icons/Delete';
import RestoreIcon from '@material-ui/icons/Restore';
import { MlflowExperiment, MlflowRun } from '../../../api';
import { ProjectAccess } from '../../../hooks/useProjectAccess';
import { describeError } from '../../../lib/errors';
import { ErrorAlert } from '../../ErrorAlert';
import { GatedButton } from '../../GatedButton';
import { StatusChip } from '../../StatusChip';
import { RunSourceLink } from '../RunSourceLink';
import {
  RUN_STATUS_LOOKS,
  formatMillis,
  runDuration,
  runUser,
  tagValue,
} from '../runs';

export interface RunSummaryCardProps {
  run: MlflowRun;
  experiment?: MlflowExperiment;
  /** The experiment's runs in the Experiments tab. */
  experimentLink: string;
  /** The `:projectId` of the links: the project's slug. */
  projectId: string;
  access: ProjectAccess;
  now: number;
  /** Deletes (or restores) the run and reloads it. */
  onLifecycleChange: (action: 'delete' | 'restore') => Promise<void>;
}

/** What the run is: its state, times, who ran it and from where. */
export function RunSummaryCard(props: RunSummaryCardProps) {
  const { run, experiment, projectId, access } = props;
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const deleted = run.info.lifecycle_stage === 'deleted';

  const act = async () => {
    setBusy(true);
    setActionError(undefined);
    try {
      await props.onLifecycleChange(deleted ? 'restore' : 'delete');
    } catch (e) {
      setActionError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const description = tagValue(run.data.tags, 'mlflow.note.content');
  return (
    <InfoCard
      title="Run"
      subheader={deleted ? 'Deleted: hidden from the runs table' : undefined}
      action={
        <GatedButton
          requires={{ access, role: 'contributor' }}
          startIcon={deleted ? <RestoreIcon /> : <DeleteIcon />}
          onClick={act}
          disabled={busy}
        >
          {deleted ? 'Restore' : 'Delete'}
        </GatedButton>
      }
    >
      <ErrorAlert message={actionError} />
      <StructuredMetadataTable
        dense
        metadata={{
          status: <StatusChip look={RUN_STATUS_LOOKS[run.info.status]} />,
          experiment: (
            <Link to={props.experimentLink}>
              {experiment?.name ?? run.info.experiment_id}
            </Link>
          ),
          started: formatMillis(run.info.start_time),
          ended: formatMillis(run.info.end_time),
          duration: runDuration(run, props.now),
          user: runUser(run),
          source: <RunSourceLink run={run} projectId={projectId} />,
          'run id': run.info.run_id,
          ...(description ? { description } : {}),
        }}
      />
    </InfoCard>
  );
}
