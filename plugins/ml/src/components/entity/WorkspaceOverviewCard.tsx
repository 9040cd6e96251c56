import {
  InfoCard,
  Link,
  MissingAnnotationEmptyState,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_ML_WORKSPACE } from '@ml-platform/plugin-ml-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { workspaceRouteRef } from '../../routes';
import { AsyncFallback } from '../AsyncFallback';
import { CapacityBars } from '../CapacityBars';
import { mlEntityIds } from './entityIds';

/** How many waiting reasons the card lists. */
const REASONS_SHOWN = 3;

/**
 * A Workspace entity's usage against its capacity and a summary of its
 * queue, with a link to the workspace's ML page.
 */
export function WorkspaceOverviewCard() {
  const { entity } = useEntity();
  const { workspace } = mlEntityIds(entity);
  const api = useApi(mlApiRef);
  const workspaceLink = useRouteRef(workspaceRouteRef);
  const { value, loading, error } = useAsync(async () => {
    if (!workspace) return undefined;
    const [capacity, queue] = await Promise.all([
      api.getWorkspaceCapacity(workspace),
      api.getWorkspaceQueue(workspace),
    ]);
    return { capacity, queue };
  }, [api, workspace]);

  if (!workspace) {
    return <MissingAnnotationEmptyState annotation={ANNOTATION_ML_WORKSPACE} />;
  }
  const link = {
    title: 'Open in ML',
    link: workspaceLink({ workspace }),
  };
  return (
    <InfoCard title="Usage and queue" deepLink={link}>
      {!value ? (
        <AsyncFallback
          loading={loading}
          error={error}
          notFound="No such workspace"
        />
      ) : (
        <>
          <CapacityBars capacity={value.capacity} />
          <Typography variant="body2" style={{ marginTop: 16 }}>
            {value.queue.running.length} running, {value.queue.queued.length}{' '}
            queued
          </Typography>
          {value.queue.queued.slice(0, REASONS_SHOWN).map(w => (
            <Typography
              key={w.id}
              variant="caption"
              component="p"
              color="textSecondary"
            >
              {w.name ?? w.kind}: {w.reason ?? 'waiting'}
            </Typography>
          ))}
          <Link to={workspaceLink({ workspace })}>See the queue</Link>
        </>
      )}
    </InfoCard>
  );
}
