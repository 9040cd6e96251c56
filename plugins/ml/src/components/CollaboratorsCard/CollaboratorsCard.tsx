import { useState } from 'react';
import { withRowIds } from '../tables/rowIds';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import PersonAddIcon from '@material-ui/icons/PersonAdd';
import {
  COLLABORATOR_ROLES,
  Collaborator,
  CollaboratorRole,
  OWNER_REF_PATTERN,
} from '@ml-platform/plugin-ml-common';
import { DateTime } from 'luxon';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlApiRef } from '../../api';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { describeError } from '../../lib/errors';
import { describeRole } from '../../lib/roles';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorAlert } from '../ErrorAlert';
import { compactTableOptions } from '../tables/DenseTable';

/** @public */
export interface CollaboratorsCardProps {
  projectId: string;
}

function RoleSelect(props: {
  id: string;
  label: string;
  value: CollaboratorRole;
  disabled?: boolean;
  onChange: (role: CollaboratorRole) => void;
}) {
  return (
    <TextField
      id={props.id}
      select
      SelectProps={{ native: true }}
      inputProps={{ 'aria-label': props.label }}
      value={props.value}
      disabled={props.disabled}
      onChange={e => props.onChange(e.target.value as CollaboratorRole)}
      size="small"
    >
      {COLLABORATOR_ROLES.map(role => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </TextField>
  );
}

/** What each role may do, one line each, beside where roles are picked. */
function RoleLegend() {
  return (
    <Box marginTop={2} component="ul" paddingLeft={2} aria-label="Roles">
      {COLLABORATOR_ROLES.map(role => (
        <Typography
          key={role}
          component="li"
          variant="body2"
          color="textSecondary"
        >
          {describeRole(role)}
        </Typography>
      ))}
    </Box>
  );
}

/**
 * Who besides the owner may work on the project, and how; only admins add,
 * change and remove collaborators, the others see the list.
 */
export function CollaboratorsCard(props: CollaboratorsCardProps) {
  const { projectId } = props;
  const api = useApi(mlApiRef);
  const { canAdmin } = useProjectAccess(projectId);
  const [subject, setSubject] = useState('');
  const [role, setRole] = useState<CollaboratorRole>('contributor');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [removing, setRemoving] = useState<Collaborator>();
  const {
    value,
    loading,
    error: loadError,
    retry,
  } = useAsyncRetry(() => api.listCollaborators(projectId), [api, projectId]);

  const subjectProblem = OWNER_REF_PATTERN.test(subject.trim())
    ? undefined
    : 'Subject must be a user or group ref such as user:default/jane';

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      retry();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const add = () => {
    setTouched(true);
    if (subjectProblem) {
      return;
    }
    run(async () => {
      await api.setCollaborator(projectId, subject.trim(), role);
      setSubject('');
      setTouched(false);
    });
  };

  const columns: TableColumn<Collaborator>[] = [
    { title: 'Subject', field: 'subject', highlight: true },
    {
      title: 'Role',
      field: 'role',
      render: c =>
        canAdmin ? (
          <RoleSelect
            id={`ml-role-${c.subject}`}
            label={`Role of ${c.subject}`}
            value={c.role}
            disabled={busy}
            onChange={next =>
              run(() => api.setCollaborator(projectId, c.subject, next))
            }
          />
        ) : (
          c.role
        ),
    },
    {
      title: 'Added',
      field: 'addedAt',
      render: c => DateTime.fromISO(c.addedAt).toRelative(),
    },
  ];
  if (canAdmin) {
    columns.push({
      title: 'Actions',
      sorting: false,
      render: c => (
        <IconButton
          size="small"
          aria-label={`Remove ${c.subject}`}
          onClick={() => setRemoving(c)}
        >
          <DeleteIcon fontSize="small" />
        </IconButton>
      ),
    });
  }

  let table;
  if (loading && !value) {
    table = <Progress />;
  } else if (loadError) {
    table = <ResponseErrorPanel error={loadError} />;
  } else {
    table = (
      <Table<Collaborator>
        options={{ ...compactTableOptions, toolbar: false }}
        columns={columns}
        data={withRowIds(value ?? [], c => c.subject)}
        emptyContent={<Box padding={2}>Only the owner works on it so far.</Box>}
      />
    );
  }

  return (
    <InfoCard title="Collaborators">
      <ErrorAlert message={error} />
      {canAdmin && (
        <Box
          component="form"
          display="flex"
          alignItems="flex-start"
          marginBottom={2}
          onSubmit={(e: { preventDefault: () => void }) => {
            e.preventDefault();
            add();
          }}
        >
          <Box flex={1} marginRight={1}>
            <TextField
              id="ml-collaborator-subject"
              label="Subject"
              value={subject}
              onChange={e => setSubject(e.target.value)}
              error={touched && Boolean(subjectProblem)}
              helperText={
                touched && subjectProblem
                  ? subjectProblem
                  : 'A user or group, e.g. user:default/jane'
              }
              fullWidth
              size="small"
            />
          </Box>
          <Box marginRight={1}>
            <RoleSelect
              id="ml-collaborator-role"
              label="Role"
              value={role}
              onChange={setRole}
            />
          </Box>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            startIcon={<PersonAddIcon />}
            disabled={busy}
          >
            Add
          </Button>
        </Box>
      )}
      {table}
      <RoleLegend />
      <ConfirmDialog
        open={Boolean(removing) && canAdmin}
        title={`Remove ${removing?.subject ?? ''}?`}
        confirmLabel="Remove"
        onConfirm={async () => {
          await api.removeCollaborator(projectId, removing!.subject);
          retry();
        }}
        onClose={() => setRemoving(undefined)}
      >
        They lose access to the project unless its visibility allows it.
      </ConfirmDialog>
    </InfoCard>
  );
}
