import { BasicPermission } from '@backstage/plugin-permission-common';
import { Request } from 'express';
import { z } from 'zod';
import { RequestAccess } from '../access/RequestAccess';
import { parseInput } from './validation';

/**
 * The checks the platform's routes (workspaces, profiles, quotas, runtimes)
 * start with: who may call, then the path's parameters.
 */
export function platformRoutes(access: RequestAccess) {
  /** The path's parameters, for a user or a backend plugin. */
  async function read<P extends z.ZodType<object>>(
    req: Request,
    params: P,
  ): Promise<z.output<P>> {
    await access.reader(req);
    return parseInput(params, req.params, 'path');
  }

  /** The path's parameters and the caller, if they hold the permission. */
  function holding(permission: BasicPermission) {
    return async <P extends z.ZodType<object>>(req: Request, params: P) => {
      const caller = await access.require(req, permission);
      const path: z.output<P> = parseInput(params, req.params, 'path');
      return { ...path, caller };
    };
  }

  return { read, holding };
}
