import { Entity, KindValidator } from '@backstage/catalog-model';
import { ML_ENTITY_API_VERSION } from './constants';
import { mlKindGuard, mlKindValidator } from './kindValidation';
import schema from './Model.v1alpha1.schema.json';

/**
 * A machine-learning model in the catalog.
 *
 * @public
 */
export interface ModelEntityV1alpha1 extends Entity {
  apiVersion: typeof ML_ENTITY_API_VERSION;
  kind: 'Model';
  spec: {
    /** An entity ref of the owning user or group. */
    owner: string;
    /**
     * An entity ref of the model's project; a bare name means a `Project` in
     * the model's namespace.
     */
    project: string;
    /** What kind of model it is, `ml-model` for models of the platform. */
    type?: string;
    /**
     * `production` while a deployment serves the model, else
     * `experimental`.
     */
    lifecycle?: string;
    /**
     * An entity ref of the `System` the model is part of; a bare name means
     * a `System` in the model's namespace.
     */
    system?: string;
    /** The model's id in the ML platform. */
    mlModelId?: string;
    /**
     * Entity refs of what the model needs, usually its datasets (`Resource`
     * entities of type `dataset`); a bare name means a `Resource`.
     */
    dependsOn?: string[];
    /**
     * Entity refs of the APIs the model's endpoints serve; a bare name means
     * an `API`.
     */
    providesApis?: string[];
  };
}

/**
 * Validates `Model` entities: `false` for other kinds, an error for a
 * `Model` that does not match the schema.
 *
 * @public
 */
export const modelEntityV1alpha1Validator: KindValidator =
  mlKindValidator(schema);

/**
 * Whether an entity is an ML model.
 *
 * @public
 */
export const isMlModelEntity = mlKindGuard<ModelEntityV1alpha1>('Model');
