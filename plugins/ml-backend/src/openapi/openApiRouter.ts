import { resolvePackagePath } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import fs from 'node:fs/promises';
import { parse } from 'yaml';

const specPath = resolvePackagePath(
  '@ml-platform/plugin-ml-backend',
  'openapi.yaml',
);

/** Serves the API's OpenAPI document, kept in the repo as openapi.yaml. */
export function createOpenApiRouter() {
  const router = Router();
  let cached: { yaml: string; json: unknown } | undefined;
  const load = async () => {
    if (!cached) {
      const yaml = await fs.readFile(specPath, 'utf8');
      cached = { yaml, json: parse(yaml) };
    }
    return cached;
  };

  router.get('/openapi.json', async (_req, res) => {
    res.json((await load()).json);
  });
  router.get('/openapi.yaml', async (_req, res) => {
    res.type('application/yaml').send((await load()).yaml);
  });
  return router;
}
