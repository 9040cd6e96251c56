import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { MlflowApi } from '../mlflow/MlflowApi';
import { ProjectRegistry } from '../mlflow/projectRegistry';
import { ProjectRuns } from '../mlflow/projectRuns';
import { createOnce } from './createOnce';
import {
  nonEmptyString,
  optionalString,
  outputString,
  projectIdField,
  Z,
} from './fields';
import { MlflowActionOptions } from './MlActionOptions';
import { modelRegisterExamples } from './modelRegister.examples';

const DEFAULT_ARTIFACT_PATH = 'model';

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');

/** Input of the action, exported for the examples test. */
export const modelRegisterInput = {
  projectId: projectIdField,
  name: nonEmptyString(
    'Registered model name, unique across the portal, e.g. "flats/price-predictor" (created in the project if missing)',
  ),
  runId: (z: Z) =>
    z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .optional()
      .describe('MLflow run to register (32 hex digits); or give jobRunId'),
  jobRunId: (z: Z) =>
    z
      .string()
      .uuid()
      .optional()
      .describe(
        'A job run (its workload id, e.g. the `runId` output of ml:job:run): registers the newest MLflow run it made',
      ),
  artifactPath: optionalString(
    'Folder of the run\'s artifacts that holds the model (default "model")',
  ),
  description: optionalString('Description of the new version'),
  alias: optionalString('Alias to point at the new version, e.g. "champion"'),
};

/**
 * `ml:model:register`: a new version in MLflow's model registry from a
 * run's model folder, so that `ml:model:build` can build from it.
 */
export function createMlModelRegisterAction({ ml, auth }: MlflowActionOptions) {
  const mlflow = new MlflowApi({ ml, auth });
  return createTemplateAction({
    id: 'ml:model:register',
    description:
      "Registers the model an MLflow run logged (given, or the newest a job run made) as a new version of a registered model in the project's model registry",
    examples: modelRegisterExamples,
    schema: {
      input: modelRegisterInput,
      output: {
        name: outputString('Name of the registered model'),
        version: outputString('The new version, e.g. "1"'),
        runId: outputString('The MLflow run the version was made from'),
      },
    },
    async handler(ctx) {
      const { projectId, name, runId, jobRunId, description, alias } =
        ctx.input;
      if (!runId === !jobRunId) {
        throw new InputError(
          'Give exactly one of runId (an MLflow run) and jobRunId (a job run)',
        );
      }
      const artifactPath = trimSlashes(
        ctx.input.artifactPath ?? DEFAULT_ARTIFACT_PATH,
      );
      if (!artifactPath) {
        throw new InputError('artifactPath must name a folder of the run');
      }
      const credentials = await ctx.getInitiatorCredentials();
      const runs = new ProjectRuns(mlflow, projectId, credentials);
      const registry = new ProjectRegistry(mlflow, projectId, credentials);
      const registered = await createOnce(
        ctx,
        `register.${projectId}.${name}.${runId ?? `job:${jobRunId}`}`,
        ['name', 'version', 'runId'],
        async () => {
          const source = runId ?? (await runs.newestOfWorkload(jobRunId!));
          if (runId) await runs.requireInProject(runId);
          await runs.requireArtifactFolder(source, artifactPath);
          await registry.ensureModel(name);
          const version = await registry.createVersion({
            name,
            runId: source,
            artifactPath,
            description,
          });
          return {
            name: version.name,
            version: version.version,
            runId: source,
          };
        },
      );
      ctx.logger.info(
        `Registered run ${registered.runId} as version ${registered.version} of '${registered.name}'`,
      );
      if (alias) {
        // Setting an alias again is harmless, so a retry just repeats it.
        await registry.setAlias(registered.name, alias, registered.version);
      }
      ctx.output('name', registered.name);
      ctx.output('version', registered.version);
      ctx.output('runId', registered.runId);
    },
  });
}
