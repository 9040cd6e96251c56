import { useEffect, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import {
  CollaboratorRole,
  Project,
  ProjectVisibility,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { fieldErrors } from '../../lib/errors';
import {
  ROLE_OPTIONS,
  VISIBILITY_OPTIONS,
  teamRoleHelp,
} from '../../lib/roles';
import { FormTextField, SelectField } from '../FormFields';
import { RoleGate } from '../RoleGate';

/** @public */
export interface ProjectDetailsCardProps {
  project: Project;
  /** Called with the project as saved. */
  onProjectChange: (project: Project) => void;
}

/**
 * Edits what a project is called, what it is about, who may see it and the
 * role of its owning group's members; read-only without the admin role.
 */
export function ProjectDetailsCard(props: ProjectDetailsCardProps) {
  const { project, onProjectChange } = props;
  const api = useApi(mlApiRef);
  const access = useProjectAccess(project.id);
  const readOnly = !access.canAdmin;
  const [title, setTitle] = useState(project.title);
  const [description, setDescription] = useState(project.description);
  const [visibility, setVisibility] = useState(project.visibility);
  const [teamRole, setTeamRole] = useState(project.teamRole);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  useEffect(() => {
    // Follow the project when another card saved it.
    setTitle(project.title);
    setDescription(project.description);
    setVisibility(project.visibility);
    setTeamRole(project.teamRole);
  }, [project]);

  const dirty =
    title !== project.title ||
    description !== project.description ||
    visibility !== project.visibility ||
    teamRole !== project.teamRole;
  const titleProblem = title.trim() ? undefined : 'Title must not be empty';

  /** A change handler that also takes back "Details saved.". */
  const edited = (set: (value: string) => void) => (value: string) => {
    set(value);
    setSaved(false);
  };

  const save = async () => {
    if (readOnly) {
      return;
    }
    setBusy(true);
    setSaved(false);
    setServerErrors({});
    setGeneral(undefined);
    try {
      onProjectChange(
        await api.updateProject(project.id, {
          title: title.trim(),
          description,
          visibility,
          // Only when changed: the team role is new to the form.
          ...(teamRole !== project.teamRole ? { teamRole } : {}),
        }),
      );
      setSaved(true);
    } catch (e) {
      const parsed = fieldErrors(e);
      setServerErrors(parsed.fields);
      setGeneral(parsed.general);
    } finally {
      setBusy(false);
    }
  };

  return (
    <InfoCard title="Details">
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          save();
        }}
      >
        {general && (
          <Alert severity="error" role="alert">
            {general}
          </Alert>
        )}
        {saved && !dirty && <Alert severity="success">Details saved.</Alert>}
        <FormTextField
          id="ml-project-title"
          label="Title"
          value={title}
          onChange={edited(setTitle)}
          problem={serverErrors.title ?? titleProblem}
          disabled={readOnly}
        />
        <FormTextField
          id="ml-project-description"
          label="Description"
          value={description}
          onChange={edited(setDescription)}
          problem={serverErrors.description}
          disabled={readOnly}
          multiline
          minRows={3}
        />
        <SelectField
          id="ml-project-visibility"
          label="Visibility"
          value={visibility}
          onChange={edited(v => setVisibility(v as ProjectVisibility))}
          problem={serverErrors.visibility}
          disabled={readOnly}
          options={VISIBILITY_OPTIONS}
        />
        <SelectField
          id="ml-project-team-role"
          label="Team role"
          value={teamRole}
          onChange={edited(role => setTeamRole(role as CollaboratorRole))}
          problem={serverErrors.teamRole}
          help={teamRoleHelp(project.owner, teamRole)}
          disabled={readOnly}
          options={ROLE_OPTIONS}
        />
        <Box display="flex" justifyContent="flex-end" marginTop={2}>
          <RoleGate access={access} requires="admin">
            <Button
              type="submit"
              color="primary"
              variant="contained"
              disabled={busy || !dirty || Boolean(titleProblem)}
            >
              Save details
            </Button>
          </RoleGate>
        </Box>
      </form>
    </InfoCard>
  );
}
