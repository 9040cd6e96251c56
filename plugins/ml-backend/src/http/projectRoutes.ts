import { ResourcePermission } from '@backstage/plugin-permission-common';
import { ML_PROJECT_RESOURCE_TYPE } from '@ml-platform/plugin-ml-common';
import { Request } from 'express';
import { z } from 'zod';
import { RequestAccess } from '../access/RequestAccess';
import { parseInput } from './validation';

/** The project of a route under `/projects/:projectId`. */
export const projectParams = z.object({ projectId: z.string().uuid() });

/** Path parameters of a route under `/projects/:projectId`. */
export type ProjectPathSchema = z.ZodType<{ projectId: string }>;

/** A permission on a project, as the project routes check it. */
export type ProjectPermission = ResourcePermission<
  typeof ML_PROJECT_RESOURCE_TYPE
>;

/**
 * The two checks every route under `/projects/:projectId` starts with: parse
 * the path's parameters, then load the project if the caller may do what the
 * route does. Both run before the body is looked at, so a caller who may not
 * see the project learns nothing from a wrong body.
 */
export function projectRoutes(access: RequestAccess) {
  /**
   * The path's parameters and the project, if the caller (a user, or a
   * backend plugin) may read it; 404 otherwise.
   */
  async function read<P extends ProjectPathSchema>(req: Request, params: P) {
    const path: z.output<P> = parseInput(params, req.params, 'path');
    const { project, credentials } = await access.readProject(
      req,
      path.projectId,
    );
    return { ...path, project, credentials };
  }

  /**
   * The path's parameters, the project and the caller, if the signed-in user
   * holds the permission on it: 404 if they may not read it, 403 if they may
   * read but not do this.
   */
  async function authorize<P extends ProjectPathSchema>(
    req: Request,
    params: P,
    permission: ProjectPermission,
  ) {
    const path: z.output<P> = parseInput(params, req.params, 'path');
    const { project, caller } = await access.projectFor(
      req,
      path.projectId,
      permission,
    );
    return { ...path, project, caller };
  }

  /** The check of {@link authorize} for one permission, as a role's routes use it. */
  function holding(permission: ProjectPermission) {
    return <P extends ProjectPathSchema>(req: Request, params: P) =>
      authorize(req, params, permission);
  }

  return { read, holding };
}

/** The checks of {@link projectRoutes}, as the routers are given them. */
export type ProjectRoutes = ReturnType<typeof projectRoutes>;
