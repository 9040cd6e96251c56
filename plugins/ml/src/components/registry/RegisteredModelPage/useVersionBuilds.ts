import { useApi } from '@backstage/core-plugin-api';
import {
  Model,
  ModelBuild,
  ModelDeployment,
} from '@ml-platform/plugin-ml-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlApiRef } from '../../../api';

/** A platform build of a registry version, with the model it belongs to. */
export interface VersionBuild {
  model: Model;
  build: ModelBuild;
}

/** A deployment of one of those builds. */
export interface VersionDeployment {
  model: Model;
  deployment: ModelDeployment;
}

/** What the platform made of one version. */
export interface VersionServing {
  builds: VersionBuild[];
  deployments: VersionDeployment[];
}

export interface RegistryServing {
  /** The project's ML models: the ones a version can be built into. */
  models: Model[];
  /** By version number. */
  byVersion: Map<string, VersionServing>;
}

/**
 * The builds and deployments of the project's ML models that serve a
 * registered model's versions: a build says which version it was made
 * from (`registeredModel`), a deployment which build it runs.
 */
export function useVersionBuilds(projectId: string, modelName: string) {
  const api = useApi(mlApiRef);
  return useAsyncRetry(async (): Promise<RegistryServing> => {
    const models = await api.listModels(projectId);
    const byVersion = new Map<string, VersionServing>();
    const servingOf = (version: string) => {
      let serving = byVersion.get(version);
      if (!serving) {
        serving = { builds: [], deployments: [] };
        byVersion.set(version, serving);
      }
      return serving;
    };
    await Promise.all(
      models.map(async model => {
        const [builds, deployments] = await Promise.all([
          api.listBuilds(projectId, model.id),
          api.listDeployments(projectId, model.id),
        ]);
        const versionOfBuild = new Map<string, string>();
        for (const build of builds) {
          if (build.registeredModel?.name === modelName) {
            versionOfBuild.set(build.id, build.registeredModel.version);
            servingOf(build.registeredModel.version).builds.push({
              model,
              build,
            });
          }
        }
        for (const deployment of deployments) {
          const version = versionOfBuild.get(deployment.buildId);
          if (version) {
            servingOf(version).deployments.push({ model, deployment });
          }
        }
      }),
    );
    return { models, byVersion };
  }, [api, projectId, modelName]);
}
