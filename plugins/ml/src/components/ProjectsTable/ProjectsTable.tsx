import { useState } from 'react';
import {
  Link,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { Project, Workspace } from '@ml-platform/plugin-ml-common';
import { DateTime } from 'luxon';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { mlApiRef } from '../../api';
import { projectSlug } from '../../lib/projectSlug';
import { projectRouteRef, workspaceRouteRef } from '../../routes';
import { NewProjectDialog } from '../NewProjectDialog';
import { NewButton } from '../NewItemButton';

/** @public */
export interface ProjectsTableProps {
  /** Workspaces to offer in the "New project" dialog. */
  workspaces: Workspace[];
}

// One generous page: the search narrows it server-side, so paging through
// tokens is not worth the extra UI yet.
const PAGE_SIZE = 100;

/** Projects with a server-side search and a way to create one. */
export function ProjectsTable(props: ProjectsTableProps) {
  const { workspaces } = props;
  const api = useApi(mlApiRef);
  const navigate = useNavigate();
  const projectLink = useRouteRef(projectRouteRef);
  const workspaceLink = useRouteRef(workspaceRouteRef);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState('');
  const [dialogOpen, setDialogOpen] = useState(false);

  useDebounce(() => setFilter(search.trim()), 300, [search]);

  const { value, loading, error } = useAsync(
    () =>
      api.listProjects({ filter, sort: '-updated_at', pageSize: PAGE_SIZE }),
    [api, filter],
  );

  const columns: TableColumn<Project>[] = [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: project => (
        <Link to={projectLink({ projectId: projectSlug(project) })}>
          {project.name}
        </Link>
      ),
    },
    { title: 'Title', field: 'title' },
    {
      title: 'Workspace',
      field: 'workspace',
      render: project => (
        <Link to={workspaceLink({ workspace: project.workspace })}>
          {project.workspace}
        </Link>
      ),
    },
    { title: 'Owner', field: 'owner' },
    { title: 'Visibility', field: 'visibility' },
    {
      title: 'Updated',
      field: 'updatedAt',
      render: project => DateTime.fromISO(project.updatedAt).toRelative(),
    },
  ];

  return (
    <>
      <Box display="flex" alignItems="center" marginBottom={2}>
        <TextField
          id="ml-project-search"
          label="Search projects"
          value={search}
          onChange={e => setSearch(e.target.value)}
          variant="outlined"
          size="small"
          InputProps={{
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon />
              </InputAdornment>
            ),
          }}
        />
        <Box flexGrow={1} />
        <NewButton onClick={() => setDialogOpen(true)}>New project</NewButton>
      </Box>
      {error && <ResponseErrorPanel error={error} />}
      <Table<Project>
        title={`Projects (${value?.total_size ?? 0})`}
        options={{
          search: false,
          paging: true,
          pageSize: 10,
          padding: 'dense',
        }}
        columns={columns}
        data={value?.items ?? []}
        isLoading={loading}
        emptyContent={
          <Box padding={2}>
            {filter
              ? `No project matches "${filter}".`
              : 'No projects yet. Create one with "New project".'}
          </Box>
        }
      />
      <NewProjectDialog
        open={dialogOpen}
        workspaces={workspaces}
        onClose={() => setDialogOpen(false)}
        onCreated={project => {
          setDialogOpen(false);
          navigate(projectLink({ projectId: projectSlug(project) }));
        }}
      />
    </>
  );
}
