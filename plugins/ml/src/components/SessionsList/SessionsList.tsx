import { useState } from 'react';
import { Link, TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import IconButton from '@material-ui/core/IconButton';
import StopIcon from '@material-ui/icons/Stop';
import {
  mlProjectChannel,
  Project,
  Workload,
} from '@ml-platform/plugin-ml-common';
import { useNavigate } from 'react-router-dom';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { useNow } from '../../hooks/useNow';
import { useRuntimes } from '../../hooks/useRuntimes';
import { describeError } from '../../lib/errors';
import { projectSlug } from '../../lib/projectSlug';
import {
  workloadDurationColumn,
  workloadStartedColumn,
  workloadStatusColumn,
} from '../../lib/workloadColumns';
import { isActiveState } from '../../lib/workloads';
import { sessionRouteRef } from '../../routes';
import { AsyncTable } from '../AsyncTable';
import { ErrorSnackbar } from '../ErrorSnackbar';
import { NewItemButton } from '../NewItemButton';
import { NewSessionDialog } from '../NewSessionDialog';
import { RoleGate } from '../RoleGate';

/** @public */
export interface SessionsListProps {
  project: Project;
}

/**
 * A project's sessions, newest first, refreshed while any is active;
 * contributors start and stop them.
 */
export function SessionsList(props: SessionsListProps) {
  const { project } = props;
  const api = useApi(mlApiRef);
  const navigate = useNavigate();
  const sessionLink = useRouteRef(sessionRouteRef);
  const runtimes = useRuntimes();
  const access = useProjectAccess(project.id);
  const [creating, setCreating] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const { value, loading, error, retry } = usePolledAsync(
    () => api.listSessions(project.id),
    [api, project.id],
    sessions => sessions.items.some(s => isActiveState(s.state)),
    { channel: mlProjectChannel(project.id) },
  );
  const anyRunning = (value?.items ?? []).some(s => s.state === 'running');
  const now = useNow(anyRunning);

  const linkTo = (session: Workload) =>
    sessionLink({ projectId: projectSlug(project), sessionId: session.id });

  const stop = async (session: Workload) => {
    try {
      await api.stopSession(project.id, session.id);
      retry();
    } catch (e) {
      setActionError(describeError(e));
    }
  };

  const columns: TableColumn<Workload>[] = [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: s => <Link to={linkTo(s)}>{s.name || s.id}</Link>,
    },
    workloadStatusColumn(),
    {
      title: 'Runtime',
      cellStyle: { minWidth: 220 },
      render: s => runtimes.label(s.runtimeId),
    },
    { title: 'Profile', field: 'profile' },
    workloadStartedColumn(),
    workloadDurationColumn(now),
    {
      title: 'Actions',
      sorting: false,
      render: s =>
        isActiveState(s.state) ? (
          <RoleGate access={access} requires="contributor">
            <IconButton
              size="small"
              aria-label={`Stop session ${s.name || s.id}`}
              title="Stop"
              onClick={() => stop(s)}
            >
              <StopIcon fontSize="small" />
            </IconButton>
          </RoleGate>
        ) : null,
    },
  ];

  const table = (
    <AsyncTable<Workload>
      title="Sessions"
      columns={columns}
      rows={value?.items}
      loading={loading}
      error={value ? undefined : error}
      emptyContent="No sessions yet. A session gives you a Python console in this project."
    />
  );

  return (
    <>
      <NewItemButton
        label="New session"
        onClick={() => setCreating(true)}
        requires={{ access, role: 'contributor' }}
      />
      {table}
      <NewSessionDialog
        open={creating && access.canWrite}
        project={project}
        onClose={() => setCreating(false)}
        onStarted={session => {
          setCreating(false);
          navigate(linkTo(session));
        }}
      />
      <ErrorSnackbar
        message={actionError}
        onClose={() => setActionError(undefined)}
      />
    </>
  );
}
