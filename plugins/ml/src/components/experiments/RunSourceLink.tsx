import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { MlflowRun } from '../../api';
import { jobRunRouteRef, sessionRouteRef } from '../../routes';
import { describeSource, runSource } from './runs';

export interface RunSourceLinkProps {
  run: MlflowRun;
  /** The `:projectId` of the links: the project's slug. */
  projectId: string;
}

/**
 * A link to the job run or session that logged the run, as its `ml.*` tags
 * name them; a dash for runs logged from elsewhere (a laptop).
 */
export function RunSourceLink(props: RunSourceLinkProps) {
  const { run, projectId } = props;
  const jobRunLink = useRouteRef(jobRunRouteRef);
  const sessionLink = useRouteRef(sessionRouteRef);
  const source = runSource(run);
  if (!source) {
    return <>—</>;
  }
  const to =
    source.kind === 'job'
      ? jobRunLink({ projectId, jobId: source.jobId, runId: source.workloadId })
      : sessionLink({ projectId, sessionId: source.workloadId });
  return <Link to={to}>{describeSource(source)}</Link>;
}
