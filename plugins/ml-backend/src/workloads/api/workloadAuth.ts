import { AuthenticationError } from '@backstage/errors';
import { ACTIVE_STATES } from '@ml-platform/plugin-ml-common';
import { NextFunction, Request, Response } from 'express';
import { StoredWorkload, WorkloadStore } from '../../database';
import { WorkloadTokens } from '../../engine/WorkloadTokens';

/** What `requireWorkload` leaves for the route handlers. */
export interface WorkloadLocals {
  workload: StoredWorkload;
}

/**
 * Guards the workload API (`/workload-api/v1/...`): the caller must present
 * the token of a workload attempt that is still queued, starting or running.
 * A token of an ended or retried attempt no longer works.
 */
/**
 * The live workload a Bearer header's token names: undefined when the
 * header holds no token of ours, `'invalid'` when it does but its attempt
 * has ended or was retried.
 */
export async function workloadOfToken(
  deps: { tokens: WorkloadTokens; workloads: WorkloadStore },
  header: string | undefined,
): Promise<StoredWorkload | 'invalid' | undefined> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  const ref = match && (await deps.tokens.verify(match[1]));
  if (!ref) return undefined;
  const workload = await deps.workloads.get(ref.workloadId);
  if (
    !workload ||
    workload.attempt !== ref.attempt ||
    !ACTIVE_STATES.includes(workload.state)
  ) {
    return 'invalid';
  }
  return workload;
}

export function requireWorkload(deps: {
  tokens: WorkloadTokens;
  workloads: WorkloadStore;
}) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const header = req.headers.authorization ?? '';
      if (!/^Bearer\s+(\S+)$/i.test(header)) {
        throw new AuthenticationError(
          'This API needs the workload token (ML_WORKLOAD_TOKEN) as a Bearer token',
        );
      }
      const workload = await workloadOfToken(deps, header);
      if (!workload || workload === 'invalid') {
        throw new AuthenticationError(
          'The workload token is not valid, or its workload has ended',
        );
      }
      (res.locals as WorkloadLocals).workload = workload;
      next();
    } catch (error) {
      next(error);
    }
  };
}
