import { Router } from 'express';
import { z } from 'zod';
import {
  ProjectPermission,
  ProjectRoutes,
  projectParams,
} from './projectRoutes';
import { parseInput } from './validation';

/** A service of one kind of object that belongs to a project. */
export interface ProjectCollection<Input, Patch> {
  list(projectId: string): Promise<unknown[]>;
  create(projectId: string, input: Input, createdBy: string): Promise<unknown>;
  get(projectId: string, id: string): Promise<unknown>;
  update(projectId: string, id: string, patch: Patch): Promise<unknown>;
  delete(projectId: string, id: string): Promise<unknown>;
}

/**
 * The five routes of a project's collection (`/projects/:projectId/<name>`):
 * list and get for readers of the project; create (201), update and delete
 * (204) for holders of `permission`.
 */
export function addProjectCollectionRoutes<Id extends string, Input, Patch>(
  router: Router,
  routes: ProjectRoutes,
  spec: {
    /** The collection's path segment, e.g. `models`. */
    name: string;
    /** The item's path parameter, e.g. `modelId`, and the item's path. */
    idParam: Id;
    itemParams: z.ZodType<{ projectId: string } & Record<Id, string>>;
    service: ProjectCollection<Input, Patch>;
    createSchema: z.ZodType<Input>;
    updateSchema: z.ZodType<Patch>;
    permission: ProjectPermission;
  },
): void {
  const { name, idParam, itemParams, service, permission } = spec;
  const collectionPath = `/projects/:projectId/${name}`;
  const itemPath = `${collectionPath}/:${idParam}`;
  const authorize = routes.holding(permission);
  const idOf = (path: Record<Id, string>) => path[idParam];

  router.get(collectionPath, async (req, res) => {
    const { projectId } = await routes.read(req, projectParams);
    res.json({ items: await service.list(projectId) });
  });

  router.post(collectionPath, async (req, res) => {
    const { projectId, caller } = await authorize(req, projectParams);
    const input = parseInput(spec.createSchema, req.body, 'body');
    res.status(201).json(await service.create(projectId, input, caller.ref));
  });

  router.get(itemPath, async (req, res) => {
    const path = await routes.read(req, itemParams);
    res.json(await service.get(path.projectId, idOf(path)));
  });

  router.patch(itemPath, async (req, res) => {
    const path = await authorize(req, itemParams);
    const patch = parseInput(spec.updateSchema, req.body, 'body');
    res.json(await service.update(path.projectId, idOf(path), patch));
  });

  router.delete(itemPath, async (req, res) => {
    const path = await authorize(req, itemParams);
    await service.delete(path.projectId, idOf(path));
    res.status(204).end();
  });
}
