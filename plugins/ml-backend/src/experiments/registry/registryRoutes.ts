import { MlflowRoutes } from '../mlflowRouter';
import { ModelVersionService } from './ModelVersionService';
import { RegistryService } from './RegistryService';
import { registryRequests as r } from './registryRequests';

/**
 * The model registry endpoints of `model_registry.proto`, with the methods
 * the proto gives each (PATCH updates, DELETE deletions).
 */
export function registryRoutes(services: {
  models: RegistryService;
  versions: ModelVersionService;
}): MlflowRoutes {
  const { models, versions } = services;
  const searchQuery = (i: {
    filter?: string;
    max_results?: number;
    order_by?: string[];
    page_token?: string;
  }) => ({
    filter: i.filter,
    orderBy: i.order_by,
    maxResults: i.max_results,
    pageToken: i.page_token,
  });
  return route => {
    // Registered models.
    route(
      ['post'],
      'registered-models/create',
      r.createRegisteredModel,
      async (c, i) => ({ registered_model: await models.create(c, i) }),
    );
    route(
      ['post'],
      'registered-models/rename',
      r.renameRegisteredModel,
      async (c, i) => ({
        registered_model: await models.rename(c, i.name, i.new_name),
      }),
    );
    route(
      ['patch'],
      'registered-models/update',
      r.updateRegisteredModel,
      async (c, i) => ({
        registered_model: await models.update(c, i.name, i.description),
      }),
    );
    route(
      ['delete'],
      'registered-models/delete',
      r.registeredModelName,
      (c, i) => models.delete(c, i.name),
    );
    route(
      ['get'],
      'registered-models/get',
      r.registeredModelName,
      async (c, i) => ({ registered_model: await models.get(c, i.name) }),
    );
    route(['get'], 'registered-models/search', r.search, (c, i) =>
      models.search(c, searchQuery(i)),
    );
    route(
      ['get', 'post'],
      'registered-models/get-latest-versions',
      r.getLatestVersions,
      async (c, i) => ({
        model_versions: await versions.latestVersions(c, i.name, i.stages),
      }),
    );
    route(
      ['post'],
      'registered-models/set-tag',
      r.setRegisteredModelTag,
      (c, i) => models.setTag(c, i.name, { key: i.key, value: i.value }),
    );
    route(
      ['delete'],
      'registered-models/delete-tag',
      r.deleteRegisteredModelTag,
      (c, i) => models.deleteTag(c, i.name, i.key),
    );

    // Aliases.
    route(['post'], 'registered-models/alias', r.setAlias, (c, i) =>
      models.setAlias(c, i.name, i.alias, i.version),
    );
    route(['delete'], 'registered-models/alias', r.alias, (c, i) =>
      models.deleteAlias(c, i.name, i.alias),
    );
    route(['get'], 'registered-models/alias', r.alias, async (c, i) => ({
      model_version: await models.versionByAlias(c, i.name, i.alias),
    }));

    // Model versions.
    route(
      ['post'],
      'model-versions/create',
      r.createModelVersion,
      async (c, i) => ({ model_version: await versions.create(c, i) }),
    );
    route(
      ['patch'],
      'model-versions/update',
      r.updateModelVersion,
      async (c, i) => ({
        model_version: await versions.update(
          c,
          i.name,
          i.version,
          i.description,
        ),
      }),
    );
    route(['delete'], 'model-versions/delete', r.modelVersion, (c, i) =>
      versions.delete(c, i.name, i.version),
    );
    route(['get'], 'model-versions/get', r.modelVersion, async (c, i) => ({
      model_version: await versions.get(c, i.name, i.version),
    }));
    route(['get'], 'model-versions/search', r.search, (c, i) =>
      versions.search(c, searchQuery(i)),
    );
    route(
      ['get'],
      'model-versions/get-download-uri',
      r.modelVersion,
      async (c, i) => ({
        artifact_uri: await versions.downloadUri(c, i.name, i.version),
      }),
    );
    route(
      ['post'],
      'model-versions/transition-stage',
      r.transitionStage,
      async (c, i) => ({ model_version: await versions.transitionStage(c, i) }),
    );
    route(['post'], 'model-versions/set-tag', r.setModelVersionTag, (c, i) =>
      versions.setTag(c, i.name, i.version, { key: i.key, value: i.value }),
    );
    route(
      ['delete'],
      'model-versions/delete-tag',
      r.deleteModelVersionTag,
      (c, i) => versions.deleteTag(c, i.name, i.version, i.key),
    );
  };
}
