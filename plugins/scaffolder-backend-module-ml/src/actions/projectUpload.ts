import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { optionalString, projectIdField } from './fields';
import { MlActionOptions } from './MlActionOptions';
import { projectUploadExamples } from './projectUpload.examples';
import { listFiles, sourceRoot, uploadFiles } from './uploadFiles';

/** Input of the action, exported for the examples test. */
export const projectUploadInput = {
  projectId: projectIdField,
  sourcePath: optionalString(
    'Folder of the task workspace whose files are added; the whole workspace when left out',
  ),
};

/**
 * `ml:project:upload`: adds the files of the task workspace to an existing
 * project (e.g. an application's files), overwriting files of the same path.
 */
export function createMlProjectUploadAction({ ml }: MlActionOptions) {
  return createTemplateAction({
    id: 'ml:project:upload',
    description:
      'Adds the files of the task workspace (e.g. from fetch:template) to an existing ML project, replacing files at the same paths',
    examples: projectUploadExamples,
    schema: {
      input: projectUploadInput,
      output: {
        fileCount: z => z.number().describe('How many files were uploaded'),
      },
    },
    async handler(ctx) {
      const { projectId, sourcePath } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const root = sourceRoot(ctx.workspacePath, sourcePath);
      const files = await listFiles(root);
      // Only the check is skipped on a retry; the project must still exist.
      await ml.getProject(projectId, { credentials });
      await ctx.checkpoint({
        key: `upload.${projectId}.${sourcePath ?? '.'}`,
        fn: () => uploadFiles(ml, credentials, projectId, root, files),
      });
      ctx.logger.info(`Uploaded ${files.length} files to project ${projectId}`);
      ctx.output('fileCount', files.length);
    },
  });
}
