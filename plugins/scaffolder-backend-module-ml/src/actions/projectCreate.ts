import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createOnce } from './createOnce';
import { defined, envField, nonEmptyString, optionalString, Z } from './fields';
import { listFiles, sourceRoot, uploadFiles } from './uploadFiles';
import { MlActionOptions } from './MlActionOptions';
import { projectCreateExamples } from './projectCreate.examples';

/** Input of the action, exported for the examples test. */
export const projectCreateInput = {
  workspace: nonEmptyString(
    'Name of the ML workspace to create the project in',
  ),
  name: nonEmptyString(
    'DNS-style project name, unique in the workspace, e.g. "churn-model"',
  ),
  title: optionalString('Human title of the project'),
  description: optionalString('What the project is for'),
  owner: optionalString(
    'Owning user or group ref, e.g. "group:default/ml-research"; the initiating user when left out',
  ),
  visibility: (z: Z) =>
    z
      .enum(['private', 'team', 'public'])
      .optional()
      .describe('Who can see the project (default private)'),
  env: envField,
  sourcePath: optionalString(
    'Folder of the task workspace whose files become the project files; the whole workspace when left out',
  ),
};

/**
 * `ml:project:create`: creates an ML project and uploads the files in the
 * task's workspace (what `fetch:template` wrote) as the project's files.
 */
export function createMlProjectCreateAction({ ml }: MlActionOptions) {
  return createTemplateAction({
    id: 'ml:project:create',
    description:
      'Creates an ML project in a workspace and uploads the files of the task workspace (e.g. from fetch:template) as its files',
    examples: projectCreateExamples,
    schema: {
      input: projectCreateInput,
      output: {
        projectId: z => z.string().describe('Id of the project'),
        projectName: z => z.string().describe('Name of the project'),
        workspace: z => z.string().describe('Workspace of the project'),
        fileCount: z => z.number().describe('How many files were uploaded'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const credentials = await ctx.getInitiatorCredentials();
      const root = sourceRoot(ctx.workspacePath, input.sourcePath);
      // Read before creating anything: a wrong sourcePath must not leave an empty project behind.
      const files = await listFiles(root);

      const project = await createOnce(
        ctx,
        `project.${input.workspace}.${input.name}`,
        ['id', 'name', 'workspace'],
        () =>
          ml.createProject(
            defined({
              workspace: input.workspace,
              name: input.name,
              title: input.title,
              description: input.description,
              owner: input.owner,
              visibility: input.visibility,
              env: input.env,
              templateRef: ctx.templateInfo?.entityRef,
            }),
            { credentials },
          ),
      );
      ctx.logger.info(
        `Created ML project ${project.workspace}/${project.name} (${project.id})`,
      );

      await ctx.checkpoint({
        key: `files.${project.id}`,
        fn: () => uploadFiles(ml, credentials, project.id, root, files),
      });
      ctx.logger.info(
        `Uploaded ${files.length} files to project ${project.name}`,
      );

      ctx.output('projectId', project.id);
      ctx.output('projectName', project.name);
      ctx.output('workspace', project.workspace);
      ctx.output('fileCount', files.length);
    },
  });
}
