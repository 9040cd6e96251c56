import { BasicPermission } from '@backstage/plugin-permission-common';
import { Request } from 'express';
import { z } from 'zod';
import { RequestAccess } from '../access/RequestAccess';
import { parseInput } from './validation';

/**
 * The two checks every route of a platform object (a workspace and what
 * hangs off it, a runtime) starts with: who the caller is, then the path's
 * parameters. The caller comes first, so one who may not call the route
 * learns nothing from a wrong path.
 */
export function platformRoutes(
  access: RequestAccess,
  managePermission: BasicPermission,
) {
  return {
    /** The path's parameters, for any reader (a user or a backend plugin). */
    async read<S extends z.ZodType>(
      req: Request,
      params: S,
    ): Promise<z.output<S>> {
      await access.reader(req);
      return parseInput(params, req.params, 'path');
    },

    /** The path's parameters, for a user who holds the manage permission. */
    async manage<S extends z.ZodType>(
      req: Request,
      params: S,
    ): Promise<z.output<S>> {
      await access.require(req, managePermission);
      return parseInput(params, req.params, 'path');
    },
  };
}
