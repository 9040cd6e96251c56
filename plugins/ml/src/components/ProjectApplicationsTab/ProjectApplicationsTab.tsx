import { useState } from 'react';
import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import LaunchIcon from '@material-ui/icons/Launch';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import ReplayIcon from '@material-ui/icons/Replay';
import StopIcon from '@material-ui/icons/Stop';
import SubjectIcon from '@material-ui/icons/Subject';
import {
  Application,
  CollaboratorRole,
  mlProjectChannel,
  Project,
} from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { describeError } from '../../lib/errors';
import { isActiveState } from '../../lib/workloads';
import { AsyncTable } from '../AsyncTable';
import { ApplicationFormDialog } from '../ApplicationFormDialog';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorSnackbar } from '../ErrorSnackbar';
import { NewItemButton } from '../NewItemButton';
import { RoleGate } from '../RoleGate';
import { WorkloadStatus } from '../WorkloadStatus';
import { ApplicationLogsDialog } from './ApplicationLogsDialog';

/** @public */
export interface ProjectApplicationsTabProps {
  project: Project;
}

/**
 * Opens the app in a new tab. The tab is opened at once (a tab opened
 * after an await is taken for a pop-up), then sent to the app once the
 * portal's user cookie is set: the new tab carries no token.
 */
async function openInNewTab(prepare: () => Promise<string>) {
  const tab = window.open('about:blank', '_blank');
  if (tab) tab.opener = null;
  try {
    const url = await prepare();
    if (tab) tab.location.href = url;
    else window.open(url, '_blank', 'noopener');
  } catch (e) {
    tab?.close();
    throw e;
  }
}

/**
 * The Applications tab: a project's web apps, their state, and what to do
 * with them: readers open them and read their logs, operators start and stop
 * them, contributors create, edit and delete them.
 */
export function ProjectApplicationsTab(props: ProjectApplicationsTabProps) {
  const { project } = props;
  const api = useApi(mlApiRef);
  const access = useProjectAccess(project.id);
  const [editing, setEditing] = useState<Application | 'new'>();
  const [deleting, setDeleting] = useState<Application>();
  const [logsOf, setLogsOf] = useState<Application>();
  const [actionError, setActionError] = useState<string>();
  const settings = useAsync(() => api.getApplicationSettings(), [api]);
  const { value, loading, error, retry } = usePolledAsync(
    () => api.listApplications(project.id),
    [api, project.id],
    apps => apps.some(a => a.state !== 'stopped' && isActiveState(a.state)),
    { channel: mlProjectChannel(project.id) },
  );

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      retry();
    } catch (e) {
      setActionError(describeError(e));
    }
  };

  const iconButton = (
    label: string,
    icon: JSX.Element,
    onClick: () => void,
    role: CollaboratorRole = 'viewer',
  ) => (
    <RoleGate access={access} requires={role}>
      <IconButton
        size="small"
        aria-label={label}
        title={label.split(' ')[0]}
        onClick={onClick}
      >
        {icon}
      </IconButton>
    </RoleGate>
  );

  const columns: TableColumn<Application>[] = [
    { title: 'Name', field: 'name', highlight: true },
    {
      title: 'Status',
      render: a =>
        a.state === 'stopped' && !a.workloadId ? (
          <WorkloadStatus state="stopped" detail="never started" />
        ) : (
          <WorkloadStatus state={a.state === 'stopped' ? 'stopped' : a.state} />
        ),
    },
    { title: 'Slug', field: 'slug' },
    { title: 'Script', field: 'script' },
    { title: 'Profile', field: 'profile' },
    {
      title: 'Open',
      sorting: false,
      render: a => (
        <Button
          size="small"
          color="primary"
          startIcon={<LaunchIcon />}
          disabled={a.state !== 'running'}
          aria-label={`Open ${a.name}`}
          onClick={() =>
            act(() => openInNewTab(() => api.prepareApplicationUrl(a)))
          }
        >
          Open
        </Button>
      ),
    },
    {
      title: 'Actions',
      sorting: false,
      render: a => (
        <Box display="flex">
          {isActiveState(a.state)
            ? iconButton(
                `Stop ${a.name}`,
                <StopIcon fontSize="small" />,
                () => act(() => api.stopApplication(project.id, a.id)),
                'operator',
              )
            : iconButton(
                `Start ${a.name}`,
                <PlayArrowIcon fontSize="small" />,
                () => act(() => api.startApplication(project.id, a.id)),
                'operator',
              )}
          {iconButton(
            `Restart ${a.name}`,
            <ReplayIcon fontSize="small" />,
            () => act(() => api.restartApplication(project.id, a.id)),
            'operator',
          )}
          {iconButton(
            `Logs of ${a.name}`,
            <SubjectIcon fontSize="small" />,
            () => setLogsOf(a),
          )}
          {iconButton(
            `Edit ${a.name}`,
            <EditIcon fontSize="small" />,
            () => setEditing(a),
            'contributor',
          )}
          {iconButton(
            `Delete ${a.name}`,
            <DeleteIcon fontSize="small" />,
            () => setDeleting(a),
            'contributor',
          )}
        </Box>
      ),
    },
  ];

  const table = (
    <AsyncTable<Application>
      title="Applications"
      columns={columns}
      rows={value}
      loading={loading}
      error={value ? undefined : error}
      emptyContent="No applications yet. An application is a web app of this project (Flask, Streamlit, …) that serves HTTP on the port in ML_APP_PORT."
    />
  );

  return (
    <>
      <NewItemButton
        label="New application"
        onClick={() => setEditing('new')}
        requires={{ access, role: 'contributor' }}
      />
      {table}
      <ApplicationFormDialog
        open={editing !== undefined && access.canWrite}
        project={project}
        application={editing === 'new' ? undefined : editing}
        allowBypassAuthentication={
          settings.value?.allowBypassAuthentication ?? false
        }
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          retry();
        }}
      />
      <ConfirmDialog
        open={Boolean(deleting) && access.canWrite}
        title={`Delete application ${deleting?.name ?? ''}?`}
        onConfirm={async () => {
          await api.deleteApplication(project.id, deleting!.id);
          setDeleting(undefined);
          retry();
        }}
        onClose={() => setDeleting(undefined)}
      >
        It is stopped first; its path /apps/{deleting?.slug}/ becomes free.
      </ConfirmDialog>
      <ApplicationLogsDialog
        application={logsOf}
        onClose={() => setLogsOf(undefined)}
      />
      <ErrorSnackbar
        message={actionError}
        onClose={() => setActionError(undefined)}
      />
    </>
  );
}
