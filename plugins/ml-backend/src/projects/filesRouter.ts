import express from 'express';
import Router from 'express-promise-router';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { mlProjectWritePermission } from '@ml-platform/plugin-ml-common';
import { ProjectFiles } from './ProjectFiles';
import { RequestAccess } from '../access/RequestAccess';
import { projectParams, projectRoutes } from '../http/projectRoutes';
import { parseInput } from '../http/validation';

const pathQuery = z.object({ path: z.string() }).strict();
const listQuery = z
  .object({
    path: z.string().default(''),
    recursive: z
      .enum(['true', 'false'])
      .default('false')
      .transform(v => v === 'true'),
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
  files: ProjectFiles;
}) {
  const { files } = deps;
  const routes = projectRoutes(deps.access);
  const asWriter = routes.holding(mlProjectWritePermission);
  const router = Router();

  /** The path's project, if the caller may read its files. */
  async function readable(req: express.Request) {
    return (await routes.read(req, projectParams)).project;
  }

  /** The path's project, if the caller may change its files. */
  async function writable(req: express.Request) {
    const path = await asWriter(req, projectParams);
    return path.project;
  }

  router.get('/projects/:projectId/files', async (req, res) => {
    const { id } = await readable(req);
    const { path, recursive } = parseInput(listQuery, req.query, 'query');
    res.json({ items: await files.list(id, path, recursive) });
  });

  router.get('/projects/:projectId/files/content', async (req, res) => {
    const { id } = await readable(req);
    const { path } = parseInput(pathQuery, req.query, 'query');
    const { entry, stream } = await files.read(id, path);
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(entry.size));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${encodeURIComponent(entry.name)}"`,
    );
    await pipeline(stream, res);
  });

  router.put('/projects/:projectId/files/content', async (req, res) => {
    const { id } = await writable(req);
    const { path } = parseInput(pathQuery, req.query, 'query');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.json(await files.write(id, path, body));
  });

  router.post('/projects/:projectId/files/directories', async (req, res) => {
    const { id } = await writable(req);
    const { path } = parseInput(directoryBody, req.body, 'body');
    res.status(201).json(await files.mkdir(id, path));
  });

  router.post('/projects/:projectId/files/rename', async (req, res) => {
    const { id } = await writable(req);
    const { from, to } = parseInput(renameBody, req.body, 'body');
    res.json(await files.rename(id, from, to));
  });

  router.delete('/projects/:projectId/files', async (req, res) => {
    const { id } = await writable(req);
    const { path } = parseInput(pathQuery, req.query, 'query');
    await files.delete(id, path);
    res.status(204).end();
  });

  router.get('/projects/:projectId/files/archive', async (req, res) => {
    const { id, name } = await readable(req);
    const archive = await files.archive(id);
    res.setHeader('Content-Type', 'application/gzip');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${name}.tar.gz"`,
    );
    await pipeline(archive, res);
  });

  return router;
}
