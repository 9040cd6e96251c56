import { useEffect, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { Project, ProjectVisibility } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { fieldErrors } from '../../lib/errors';

/** @public */
export interface ProjectDetailsCardProps {
  project: Project;
  /** Called with the project as saved. */
  onProjectChange: (project: Project) => void;
}

const VISIBILITIES: { value: ProjectVisibility; label: string }[] = [
  { value: 'private', label: 'private: collaborators only' },
  { value: 'team', label: "team: the owner's team" },
  { value: 'public', label: 'public: everybody can read' },
];

/** Edits what a project is called, what it is about and who may see it. */
export function ProjectDetailsCard(props: ProjectDetailsCardProps) {
  const { project, onProjectChange } = props;
  const api = useApi(mlApiRef);
  const [title, setTitle] = useState(project.title);
  const [description, setDescription] = useState(project.description);
  const [visibility, setVisibility] = useState(project.visibility);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  useEffect(() => {
    // Follow the project when another card saved it.
    setTitle(project.title);
    setDescription(project.description);
    setVisibility(project.visibility);
  }, [project]);

  const dirty =
    title !== project.title ||
    description !== project.description ||
    visibility !== project.visibility;
  const titleProblem = title.trim() ? undefined : 'Title must not be empty';

  const save = async () => {
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
        <TextField
          id="ml-project-title"
          label="Title"
          value={title}
          onChange={e => {
            setTitle(e.target.value);
            setSaved(false);
          }}
          error={Boolean(serverErrors.title ?? titleProblem)}
          helperText={serverErrors.title ?? titleProblem}
          fullWidth
          margin="normal"
        />
        <TextField
          id="ml-project-description"
          label="Description"
          value={description}
          onChange={e => {
            setDescription(e.target.value);
            setSaved(false);
          }}
          error={Boolean(serverErrors.description)}
          helperText={serverErrors.description}
          fullWidth
          multiline
          minRows={3}
          margin="normal"
        />
        <TextField
          id="ml-project-visibility"
          label="Visibility"
          select
          SelectProps={{ native: true }}
          value={visibility}
          onChange={e => {
            setVisibility(e.target.value as ProjectVisibility);
            setSaved(false);
          }}
          error={Boolean(serverErrors.visibility)}
          helperText={serverErrors.visibility}
          fullWidth
          margin="normal"
        >
          {VISIBILITIES.map(v => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </TextField>
        <Box display="flex" justifyContent="flex-end" marginTop={2}>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={busy || !dirty || Boolean(titleProblem)}
          >
            Save details
          </Button>
        </Box>
      </form>
    </InfoCard>
  );
}
