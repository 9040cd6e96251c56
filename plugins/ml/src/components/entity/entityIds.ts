import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ML_MODEL_ID,
  ANNOTATION_ML_PROJECT_ID,
  ANNOTATION_ML_WORKSPACE,
} from '@ml-platform/plugin-ml-common';

/** The ML objects an entity stands for, from its annotations. */
export interface MlEntityIds {
  workspace?: string;
  projectId?: string;
  modelId?: string;
}

/** Reads the ML platform's annotations of an entity the provider made. */
export function mlEntityIds(entity: Entity): MlEntityIds {
  const annotations = entity.metadata.annotations ?? {};
  return {
    workspace: annotations[ANNOTATION_ML_WORKSPACE],
    projectId: annotations[ANNOTATION_ML_PROJECT_ID],
    modelId: annotations[ANNOTATION_ML_MODEL_ID],
  };
}

/** Whether the entity is an ML workspace the platform mirrors. */
export function isMlWorkspaceAvailable(entity: Entity): boolean {
  return entity.kind === 'Workspace' && Boolean(mlEntityIds(entity).workspace);
}

/** Whether the entity is an ML project the platform mirrors. */
export function isMlProjectAvailable(entity: Entity): boolean {
  return entity.kind === 'Project' && Boolean(mlEntityIds(entity).projectId);
}

/** Whether the entity is an ML model the platform mirrors. */
export function isMlModelAvailable(entity: Entity): boolean {
  const ids = mlEntityIds(entity);
  return entity.kind === 'Model' && Boolean(ids.projectId && ids.modelId);
}
