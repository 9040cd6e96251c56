import { Link, TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  ModelMonitor,
  MonitorEvaluation,
  Project,
} from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { MONITOR_STATE_LOOKS, formatValue } from '../../lib/monitors';
import { projectSlug } from '../../lib/projectSlug';
import { formatTime } from '../../lib/workloads';
import { jobRunRouteRef } from '../../routes';
import { AsyncTable } from '../AsyncTable';
import { StatusChip } from '../StatusChip';

export interface MonitorHistoryProps {
  project: Project;
  monitor: ModelMonitor;
  /** Changes when the monitor was evaluated again, to reload the history. */
  evaluatedAt?: string;
}

const HISTORY_SIZE = 50;

/** A monitor's latest evaluations, with the runs its alerts started. */
export function MonitorHistory(props: MonitorHistoryProps) {
  const { project, monitor, evaluatedAt } = props;
  const api = useApi(mlApiRef);
  const runLink = useRouteRef(jobRunRouteRef);
  const history = useAsync(
    () =>
      api.listMonitorEvaluations(project.id, monitor.modelId, monitor.id, {
        pageSize: HISTORY_SIZE,
      }),
    [api, project.id, monitor.modelId, monitor.id, evaluatedAt],
  );

  const columns: TableColumn<MonitorEvaluation>[] = [
    { title: 'Window end', render: e => formatTime(e.windowEnd) },
    {
      title: 'State',
      render: e => (
        <StatusChip
          look={MONITOR_STATE_LOOKS[e.state]}
          detail={e.transition ? 'changed' : undefined}
        />
      ),
    },
    {
      title: 'Value',
      render: e => (e.value === undefined ? '–' : formatValue(e.value)),
    },
    { title: 'Samples', field: 'samples' },
    {
      title: 'Triggered run',
      render: e => {
        if (!e.triggeredRunId) {
          return '';
        }
        // The run of the job the monitor starts; a job unset since then
        // leaves the run's id to show.
        return monitor.triggerJobId ? (
          <Link
            to={runLink({
              projectId: projectSlug(project),
              jobId: monitor.triggerJobId,
              runId: e.triggeredRunId,
            })}
          >
            View run
          </Link>
        ) : (
          <code>{e.triggeredRunId}</code>
        );
      },
    },
    { title: 'Detail', render: e => e.detail ?? '' },
  ];

  return (
    <AsyncTable<MonitorEvaluation>
      title={`History of ${monitor.name}`}
      columns={columns}
      rows={history.value?.items}
      loading={history.loading}
      error={history.error}
      emptyContent="Not evaluated yet: a monitor is evaluated once per window."
    />
  );
}
