import { useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Project } from '@ml-platform/plugin-ml-common';
import { useLocation, useSearchParams } from 'react-router-dom';
import { useProjectAccess } from '../../../hooks/useProjectAccess';
import { projectSlug } from '../../../lib/projectSlug';
import { NewItemButton } from '../../NewItemButton';
import { NewExperimentDialog } from '../NewExperimentDialog';
import { RunsTable } from '../RunsTable';
import { ExperimentsTable } from './ExperimentsTable';
import { useProjectExperiments } from './useProjectExperiments';

/** @public */
export interface ProjectExperimentsTabProps {
  project: Project;
}

/** The query parameter that says which experiment's runs show. */
const EXPERIMENT_PARAM = 'experiment';

/**
 * The Experiments tab: the project's MLflow experiments, "New experiment",
 * and the runs of the one selected (the latest updated by default). The
 * selection is in the address, so that it can be shared.
 */
export function ProjectExperimentsTab(props: ProjectExperimentsTabProps) {
  const { project } = props;
  const access = useProjectAccess(project.id);
  const { pathname } = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const experiments = useProjectExperiments(project.id);

  const list = experiments.value;
  const wanted = searchParams.get(EXPERIMENT_PARAM);
  const selected =
    list?.find(e => e.experiment_id === wanted) ??
    (wanted ? undefined : list?.[0]);
  const select = (experimentId: string) =>
    setSearchParams({ [EXPERIMENT_PARAM]: experimentId });

  let content: JSX.Element;
  if (experiments.loading && !list) {
    content = <Progress />;
  } else if (experiments.error || !list) {
    content = <ResponseErrorPanel error={experiments.error ?? new Error()} />;
  } else {
    content = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <ExperimentsTable
            experiments={list}
            selectedId={selected?.experiment_id}
            linkTo={e =>
              `${pathname}?${EXPERIMENT_PARAM}=${encodeURIComponent(
                e.experiment_id,
              )}`
            }
          />
        </Grid>
        {wanted && !selected && (
          <Grid item xs={12}>
            <Typography color="textSecondary">
              {`This project has no experiment ${wanted}: pick one above.`}
            </Typography>
          </Grid>
        )}
        {selected && (
          <Grid item xs={12}>
            <RunsTable
              key={selected.experiment_id}
              experiment={selected}
              projectId={projectSlug(project)}
            />
          </Grid>
        )}
      </Grid>
    );
  }

  return (
    <>
      <NewItemButton
        label="New experiment"
        onClick={() => setCreating(true)}
        requires={{ access, role: 'contributor' }}
      />
      {content}
      <NewExperimentDialog
        open={creating && access.canWrite}
        project={project}
        onClose={() => setCreating(false)}
        onCreated={experimentId => {
          setCreating(false);
          experiments.retry();
          select(experimentId);
        }}
      />
    </>
  );
}
