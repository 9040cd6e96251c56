import { useState } from 'react';
import { Link, TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  Job,
  ModelMonitor,
  ModelMonitoringSettings,
  Project,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { ProjectAccess } from '../../hooks/useProjectAccess';
import {
  MONITOR_STATE_LOOKS,
  createMonitorRequest,
  describeMetric,
  formatSeconds,
  formatValue,
  updateMonitorRequest,
} from '../../lib/monitors';
import { projectSlug } from '../../lib/projectSlug';
import { jobRouteRef } from '../../routes';
import { AsyncTable } from '../AsyncTable';
import { DeleteAction, GatedButton } from '../GatedButton';
import { NewItemButton } from '../NewItemButton';
import { StatusChip } from '../StatusChip';
import { MonitorDialog } from './MonitorDialog';
import { MonitorHistory } from './MonitorHistory';

export interface MonitorsCardProps {
  project: Project;
  modelId: string;
  access: ProjectAccess;
  monitors: { value?: ModelMonitor[]; loading: boolean; error?: Error };
  settings?: ModelMonitoringSettings;
  jobs: Job[];
  /** After a change, to load the monitors again. */
  reload: () => void;
}

/** "0.31 > 0.25": the last value beside the threshold it is held to. */
function valueVsThreshold(m: ModelMonitor): string {
  const sign = m.direction === 'above' ? '>' : '<';
  const last = m.lastValue === undefined ? '–' : formatValue(m.lastValue);
  return `${last} (alert ${sign} ${formatValue(m.threshold)})`;
}

/**
 * The model's monitors: their state, last value against the threshold, the
 * job an alert starts; create, edit and delete them, and open a monitor's
 * history.
 */
export function MonitorsCard(props: MonitorsCardProps) {
  const { project, modelId, access, monitors, settings, jobs, reload } = props;
  const api = useApi(mlApiRef);
  const jobLink = useRouteRef(jobRouteRef);
  const [editing, setEditing] = useState<ModelMonitor | 'new'>();
  const [historyOf, setHistoryOf] = useState<string>();
  const requires = { access, role: 'contributor' as const };
  const jobName = (id: string) => jobs.find(j => j.id === id)?.name ?? id;
  const shown = monitors.value?.find(m => m.id === historyOf);

  const columns: TableColumn<ModelMonitor>[] = [
    { title: 'Name', field: 'name', highlight: true },
    { title: 'Watches', render: m => describeMetric(m.metric) },
    {
      title: 'State',
      render: m => (
        <StatusChip
          look={
            m.enabled
              ? MONITOR_STATE_LOOKS[m.state]
              : { label: 'Disabled', kind: 'aborted' }
          }
        />
      ),
    },
    { title: 'Last value', render: valueVsThreshold },
    { title: 'Window', render: m => formatSeconds(m.windowSeconds) },
    {
      title: 'Trigger job',
      render: m =>
        m.triggerJobId ? (
          <Link
            to={jobLink({
              projectId: projectSlug(project),
              jobId: m.triggerJobId,
            })}
          >
            {jobName(m.triggerJobId)}
          </Link>
        ) : (
          ''
        ),
    },
    {
      title: 'Actions',
      // The three buttons stay on one line rather than breaking their labels.
      cellStyle: { whiteSpace: 'nowrap' },
      render: m => (
        <Box display="flex" alignItems="center">
          <Button
            size="small"
            aria-label={`History of ${m.name}`}
            onClick={() => setHistoryOf(historyOf === m.id ? undefined : m.id)}
          >
            History
          </Button>
          <GatedButton
            size="small"
            requires={requires}
            aria-label={`Edit ${m.name}`}
            onClick={() => setEditing(m)}
          >
            Edit
          </GatedButton>
          <DeleteAction
            size="small"
            requires={requires}
            aria-label={`Delete ${m.name}`}
            question={`Delete monitor ${m.name}?`}
            consequences="It is no longer evaluated and its history is deleted."
            onDelete={async () => {
              await api.deleteMonitor(project.id, modelId, m.id);
              reload();
            }}
          />
        </Box>
      ),
    },
  ];

  return (
    <>
      <NewItemButton
        label="New monitor"
        onClick={() => setEditing('new')}
        requires={requires}
      />
      <AsyncTable<ModelMonitor>
        title="Monitors"
        columns={columns}
        rows={monitors.value}
        loading={monitors.loading}
        error={monitors.value ? undefined : monitors.error}
        emptyContent="No monitors. A monitor alerts when a metric of the model crosses a threshold, and can start a job to retrain it."
      />
      {shown && (
        <Box marginTop={2}>
          <MonitorHistory
            project={project}
            monitor={shown}
            evaluatedAt={shown.lastWindowEnd}
          />
        </Box>
      )}
      <MonitorDialog
        open={editing !== undefined}
        monitor={editing === 'new' ? undefined : editing}
        task={settings?.task ?? 'regression'}
        features={settings?.features.map(f => f.name) ?? []}
        jobs={jobs}
        onSave={async values => {
          if (editing === 'new') {
            await api.createMonitor(
              project.id,
              modelId,
              createMonitorRequest(values),
            );
          } else if (editing) {
            await api.updateMonitor(
              project.id,
              modelId,
              editing.id,
              updateMonitorRequest(values),
            );
          }
          reload();
        }}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}
