import { DEFAULT_NAMESPACE, Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ML_RUNTIME_ID,
  ML_RUNTIME_RESOURCE_TYPE,
  mlRuntimeEntityName,
  Runtime,
} from '@ml-platform/plugin-ml-common';
import { locationAnnotations } from '../provider/entities';

/**
 * The catalog entity of an ML runtime: a `Resource` of type `ml-runtime` in
 * the default namespace (runtimes are shared by every workspace). Projects,
 * models and applications that run in it depend on it.
 */
export function runtimeToEntity(
  runtime: Runtime,
  options: { locationRef: string; owner: string },
): Entity {
  const version = `${runtime.shortVersion}.${runtime.maintenanceVersion}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: mlRuntimeEntityName(runtime),
      namespace: DEFAULT_NAMESPACE,
      title: `${runtime.editor} · ${runtime.kernel} · ${runtime.edition} ${version}`,
      ...(runtime.description ? { description: runtime.description } : {}),
      annotations: {
        ...locationAnnotations(options.locationRef),
        [ANNOTATION_ML_RUNTIME_ID]: runtime.id,
      },
      tags: runtime.enabled ? [] : ['disabled'],
    },
    spec: {
      type: ML_RUNTIME_RESOURCE_TYPE,
      owner: options.owner,
    },
  };
}
