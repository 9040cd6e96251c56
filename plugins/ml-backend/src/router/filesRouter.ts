import express from 'express';
import Router from 'express-promise-router';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { ProjectFiles } from '../service/ProjectFiles';
import { ProjectService } from '../service/ProjectService';
import { RequestAccess } from './access';
import { projectParams } from './projectsRouter';
import { parseInput } from './validation';

const pathQuery = z.object({ path: z.string() }).strict();
const listQuery = z
  .object({
    path: z.string().default(''),
    recursive: z.enum(['true', 'false']).default('false').transform(v => v === 'true'),
  })
  .strict();
const directoryBody = z.object({ path: z.string() }).strict();
const renameBody = z.object({ from: z.string(), to: z.string() }).strict();

/** Upload bodies are raw (any content type) so every file is stored byte for byte. */
export function uploadBodyParser(maxUploadBytes: number) {
  return express.raw({ type: () => true, limit: maxUploadBytes });
}

/** Project files: list, read, write, folders, rename, delete, archive. */
export function createFilesRouter(deps: {
  access: RequestAccess;
  projects: ProjectService;
  files: ProjectFiles;
}) {
  const { access, projects, files } = deps;
  const router = Router();

  async function project(req: express.Request) {
    const { projectId } = parseInput(projectParams, req.params, 'path');
    return projects.get(projectId);
  }

  router.get('/projects/:projectId/files', async (req, res) => {
    await access.reader(req);
    const { id } = await project(req);
    const { path, recursive } = parseInput(listQuery, req.query, 'query');
    res.json({ items: await files.list(id, path, recursive) });
  });

  router.get('/projects/:projectId/files/content', async (req, res) => {
    await access.reader(req);
    const { id } = await project(req);
    const { path } = parseInput(pathQuery, req.query, 'query');
    const { entry, stream } = await files.read(id, path);
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(entry.size));
    res.setHeader('Content-Disposition', `attachment; filename="${encodeURIComponent(entry.name)}"`);
    await pipeline(stream, res);
  });

  router.put('/projects/:projectId/files/content', async (req, res) => {
    await access.user(req);
    const { id } = await project(req);
    const { path } = parseInput(pathQuery, req.query, 'query');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.json(await files.write(id, path, body));
  });

  router.post('/projects/:projectId/files/directories', async (req, res) => {
    await access.user(req);
    const { id } = await project(req);
    const { path } = parseInput(directoryBody, req.body, 'body');
    res.status(201).json(await files.mkdir(id, path));
  });

  router.post('/projects/:projectId/files/rename', async (req, res) => {
    await access.user(req);
    const { id } = await project(req);
    const { from, to } = parseInput(renameBody, req.body, 'body');
    res.json(await files.rename(id, from, to));
  });

  router.delete('/projects/:projectId/files', async (req, res) => {
    await access.user(req);
    const { id } = await project(req);
    const { path } = parseInput(pathQuery, req.query, 'query');
    await files.delete(id, path);
    res.status(204).end();
  });

  router.get('/projects/:projectId/files/archive', async (req, res) => {
    await access.reader(req);
    const { id, name } = await project(req);
    const archive = await files.archive(id);
    res.setHeader('Content-Type', 'application/gzip');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.tar.gz"`);
    await pipeline(archive, res);
  });

  return router;
}
