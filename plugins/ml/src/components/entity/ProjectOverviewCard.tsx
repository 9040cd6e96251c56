import {
  InfoCard,
  Link,
  MissingAnnotationEmptyState,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
  useRouteRef,
} from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_ML_PROJECT_ID } from '@ml-platform/plugin-ml-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { projectRouteRef } from '../../routes';
import { AsyncFallback } from '../AsyncFallback';
import { mlEntityIds } from './entityIds';
import { fetchApplications } from './fetchApplications';

const ACTIVE = new Set(['queued', 'starting', 'running']);

interface Row {
  label: string;
  /** Tab of the project's ML page. */
  tab: string;
  total: number;
  detail: string;
}

/**
 * A Project entity at a glance: its sessions, jobs, models and applications,
 * each linking to its tab on the project's ML page.
 */
export function ProjectOverviewCard() {
  const { entity } = useEntity();
  const { projectId } = mlEntityIds(entity);
  const api = useApi(mlApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const projectLink = useRouteRef(projectRouteRef);
  const { value, loading, error } = useAsync(async (): Promise<
    Row[] | undefined
  > => {
    if (!projectId) return undefined;
    const [sessions, jobs, models, applications] = await Promise.all([
      api.listSessions(projectId),
      api.listJobs(projectId),
      api.listModels(projectId),
      fetchApplications({ discoveryApi, fetchApi }, projectId),
    ]);
    const rows: Row[] = [
      {
        label: 'Sessions',
        tab: 'sessions',
        total: sessions.total_size,
        detail: `${
          sessions.items.filter(s => ACTIVE.has(s.state)).length
        } running or waiting`,
      },
      {
        label: 'Jobs',
        tab: 'jobs',
        total: jobs.length,
        detail: `${jobs.filter(j => j.schedule).length} scheduled`,
      },
      {
        label: 'Models',
        tab: 'models',
        total: models.length,
        detail: `${models.filter(m => m.activeDeploymentId).length} deployed`,
      },
    ];
    if (applications) {
      rows.push({
        label: 'Applications',
        tab: 'applications',
        total: applications.length,
        detail: `${
          applications.filter(a => a.state === 'running').length
        } running`,
      });
    }
    return rows;
  }, [api, discoveryApi, fetchApi, projectId]);

  if (!projectId) {
    return (
      <MissingAnnotationEmptyState annotation={ANNOTATION_ML_PROJECT_ID} />
    );
  }
  const base = projectLink({ projectId });
  return (
    <InfoCard title="ML project" deepLink={{ title: 'Open in ML', link: base }}>
      {!value ? (
        <AsyncFallback
          loading={loading}
          error={error}
          notFound="No such project"
        />
      ) : (
        <Table size="small">
          <TableBody>
            {value.map(row => (
              <TableRow key={row.tab}>
                <TableCell>
                  <Link to={`${base}/${row.tab}`}>{row.label}</Link>
                </TableCell>
                <TableCell align="right">{row.total}</TableCell>
                <TableCell>{row.detail}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
