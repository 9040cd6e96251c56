#!/usr/bin/env node
/*
 * Generates src/schema/openapi/generated/types.ts from the ML backend's
 * openapi.yaml, the one description of the REST API that the ml-common types
 * (and through them the clients) are derived from.
 *
 * Backstage's own generator (`backstage-repo-tools package schema openapi
 * generate`) runs the openapi-generator jar, which it downloads from Maven
 * Central; this build cannot reach it (no internet). So openapi-typescript
 * writes the types instead, into the folder repo-tools would use, so that a
 * later switch to repo-tools only changes what sits in `generated/`.
 *
 *   node scripts/generate-openapi-types.mjs          write the file
 *   node scripts/generate-openapi-types.mjs --check  exit 1 when it is stale
 */
/* eslint-disable no-console -- a command-line tool: the console is its output */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const packageDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const specPath = path.resolve(packageDir, '../ml-backend/openapi.yaml');
const outputPath = path.resolve(
  packageDir,
  'src/schema/openapi/generated/types.ts',
);

const HEADER = `/*
 * Generated from plugins/ml-backend/openapi.yaml by
 * plugins/ml-common/scripts/generate-openapi-types.mjs; do not edit.
 * Change the spec and run \`yarn workspace @ml-platform/plugin-ml-common generate:openapi\`.
 */

/* eslint-disable */
`;

async function render() {
  const ast = await openapiTS(pathToFileURL(specPath), {
    // A property with a default is optional to whoever sends it (the zod
    // schemas fill it in), and response schemas declare no defaults.
    defaultNonNullable: false,
  });
  const source = HEADER + astToString(ast);
  const config = (await prettier.resolveConfig(outputPath)) ?? {};
  return prettier.format(source, { ...config, parser: 'typescript' });
}

async function main() {
  const check = process.argv.includes('--check');
  const generated = await render();
  const relative = path.relative(process.cwd(), outputPath);
  if (check) {
    const committed = await fs.readFile(outputPath, 'utf8').catch(() => '');
    if (committed !== generated) {
      console.error(
        `${relative} is stale: it does not match plugins/ml-backend/openapi.yaml.\n` +
          'Run `yarn workspace @ml-platform/plugin-ml-common generate:openapi` and commit the result.',
      );
      process.exit(1);
    }
    console.log(`${relative} matches openapi.yaml`);
    return;
  }
  await fs.mkdir(path.dirname(outputPath), { recursive: true });
  await fs.writeFile(outputPath, generated);
  console.log(`Wrote ${relative}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
