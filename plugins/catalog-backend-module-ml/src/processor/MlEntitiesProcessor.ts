import {
  DEFAULT_NAMESPACE,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_API_PROVIDED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_ML_PROJECT_REF,
  isMlModelEntity,
  isMlProjectEntity,
  isMlWorkspaceEntity,
  ML_APPLICATION_COMPONENT_TYPE,
  modelEntityV1alpha1Validator,
  projectEntityV1alpha1Validator,
  workspaceEntityV1alpha1Validator,
} from '@ml-platform/plugin-ml-common';

/** A relation type and its reverse. */
type RelationPair = readonly [outgoing: string, incoming: string];

const OWNERSHIP: RelationPair = [RELATION_OWNED_BY, RELATION_OWNER_OF];
const PART: RelationPair = [RELATION_PART_OF, RELATION_HAS_PART];
const DEPENDENCY: RelationPair = [RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF];
const PROVIDES_API: RelationPair = [
  RELATION_PROVIDES_API,
  RELATION_API_PROVIDED_BY,
];

/**
 * Validates the ML platform's kinds (`Workspace`, `Project`, `Model`) and
 * emits their relations, each in both directions:
 *
 * - `spec.owner`: `ownedBy` / `ownerOf` (a bare name is a Group)
 * - Project `spec.workspace`: `partOf` / `hasPart` (a bare name is a
 *   Workspace in the default namespace)
 * - Model `spec.project`: `partOf` / `hasPart` (a bare name is a Project in
 *   the model's namespace)
 * - Model `spec.system`: `partOf` / `hasPart` (a bare name is a System in
 *   the model's namespace)
 * - Model `spec.dependsOn`: `dependsOn` / `dependencyOf` (a bare name is a
 *   Resource, e.g. a dataset)
 * - Model `spec.providesApis`: `providesApi` / `apiProvidedBy` (a bare name is
 *   an API)
 * - Project `spec.dependsOn`: `dependsOn` / `dependencyOf` (a bare name is a
 *   Resource, e.g. a runtime)
 * - a `Component` of type `ml-application` with the `ml-platform.io/project`
 *   annotation: `partOf` / `hasPart` that project (its other relations,
 *   `consumesApi` the models' APIs and `dependsOn` its runtime, come from its
 *   spec through the catalog's built-in processor)
 *
 * @public
 */
export class MlEntitiesProcessor implements CatalogProcessor {
  private readonly validators = [
    workspaceEntityV1alpha1Validator,
    projectEntityV1alpha1Validator,
    modelEntityV1alpha1Validator,
  ];

  getProcessorName(): string {
    return 'MlEntitiesProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    for (const validator of this.validators) {
      if (await validator.check(entity)) {
        return true;
      }
    }
    return false;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const selfRef = getCompoundEntityRef(entity);
    const ownNamespace = selfRef.namespace;

    /**
     * Emits `relation` from this entity to each target and its reverse back;
     * a bare name in `targets` is a `defaultKind` in `defaultNamespace`.
     */
    const emitBothWays = (
      targets: string | string[] | undefined,
      defaultKind: string,
      [outgoing, incoming]: RelationPair,
      defaultNamespace: string = ownNamespace,
    ) => {
      if (!targets) {
        return;
      }
      for (const target of [targets].flat()) {
        const targetRef = parseEntityRef(target, {
          defaultKind,
          defaultNamespace,
        });
        emit(
          processingResult.relation({
            source: selfRef,
            type: outgoing,
            target: targetRef,
          }),
        );
        emit(
          processingResult.relation({
            source: targetRef,
            type: incoming,
            target: selfRef,
          }),
        );
      }
    };

    if (
      isMlWorkspaceEntity(entity) ||
      isMlProjectEntity(entity) ||
      isMlModelEntity(entity)
    ) {
      emitBothWays(entity.spec.owner, 'Group', OWNERSHIP);
    }

    if (isMlProjectEntity(entity)) {
      emitBothWays(entity.spec.workspace, 'Workspace', PART, DEFAULT_NAMESPACE);
      emitBothWays(entity.spec.dependsOn, 'Resource', DEPENDENCY);
    }

    if (
      entity.kind === 'Component' &&
      entity.spec?.type === ML_APPLICATION_COMPONENT_TYPE
    ) {
      emitBothWays(
        entity.metadata.annotations?.[ANNOTATION_ML_PROJECT_REF],
        'Project',
        PART,
      );
    }

    if (isMlModelEntity(entity)) {
      emitBothWays(entity.spec.project, 'Project', PART);
      emitBothWays(entity.spec.system, 'System', PART);
      emitBothWays(entity.spec.dependsOn, 'Resource', DEPENDENCY);
      emitBothWays(entity.spec.providesApis, 'API', PROVIDES_API);
    }

    return entity;
  }
}
