import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { MlflowApi } from './MlflowApi';
import { isMlflowError } from './MlflowApiError';
import {
  MlflowModelVersion,
  MlflowRegisteredModel,
  PLATFORM_TAG,
  tagValue,
} from './types';

/** The model registry as one ML project's user sees it. */
export class ProjectRegistry {
  constructor(
    private readonly mlflow: MlflowApi,
    private readonly projectId: string,
    private readonly credentials: BackstageCredentials,
  ) {}

  /**
   * Makes sure the registered model `name` exists in the project: creates
   * it (tagged with the project) if missing, refuses one of another project.
   */
  async ensureModel(name: string, description?: string): Promise<void> {
    let model = await this.find(name);
    if (!model) {
      try {
        await this.mlflow.call(
          'POST',
          'registered-models/create',
          {
            name,
            tags: [{ key: PLATFORM_TAG.projectId, value: this.projectId }],
            description,
          },
          this.credentials,
        );
        return;
      } catch (error) {
        // Someone made it since we looked: check whose it is below.
        if (!isMlflowError(error, 'RESOURCE_ALREADY_EXISTS')) throw error;
        model = await this.find(name);
      }
    }
    const owner = tagValue(model?.tags, PLATFORM_TAG.projectId);
    if (owner !== this.projectId) {
      throw new ConflictError(
        `The registered model '${name}' belongs to another project; registered model names are unique across the portal, so pick another name (e.g. '<project name>/${name}')`,
      );
    }
  }

  /** A new version of `name` from the run's folder `artifactPath`. */
  async createVersion(version: {
    name: string;
    runId: string;
    artifactPath: string;
    description?: string;
  }): Promise<MlflowModelVersion> {
    const { model_version } = await this.mlflow.call<{
      model_version: MlflowModelVersion;
    }>(
      'POST',
      'model-versions/create',
      {
        name: version.name,
        source: `runs:/${version.runId}/${version.artifactPath}`,
        run_id: version.runId,
        description: version.description,
      },
      this.credentials,
    );
    return model_version;
  }

  /** Points the alias (e.g. `champion`) at the version. */
  async setAlias(name: string, alias: string, version: string): Promise<void> {
    await this.mlflow.call(
      'POST',
      'registered-models/alias',
      { name, alias, version },
      this.credentials,
    );
  }

  private async find(name: string): Promise<MlflowRegisteredModel | undefined> {
    try {
      const { registered_model } = await this.mlflow.call<{
        registered_model: MlflowRegisteredModel;
      }>('GET', 'registered-models/get', { name }, this.credentials);
      return registered_model;
    } catch (error) {
      // A model of a project the user may not read is reported as missing.
      if (isMlflowError(error, 'RESOURCE_DOES_NOT_EXIST')) return undefined;
      throw error;
    }
  }
}
