import { KeyValue } from '../tracking/types';

/**
 * MLflow's model registry entities as its REST API 2.0 carries them
 * (`mlflow/protos/model_registry.proto`). Fields MLflow leaves unset are
 * left out.
 */

/** MLflow's stages, in the order `get-latest-versions` answers them. @internal */
export const MODEL_STAGES = [
  'None',
  'Staging',
  'Production',
  'Archived',
] as const;

/** @internal */
export type ModelStage = (typeof MODEL_STAGES)[number];

/** @internal */
export interface RegisteredModelAlias {
  alias: string;
  version: string;
}

/** @internal */
export interface ModelVersion {
  name: string;
  version: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  user_id: string;
  current_stage: ModelStage;
  description?: string;
  source: string;
  run_id?: string;
  run_link?: string;
  status: 'READY';
  status_message?: string;
  tags: KeyValue[];
  aliases: string[];
}

/** @internal */
export interface RegisteredModel {
  name: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  description?: string;
  latest_versions: ModelVersion[];
  tags: KeyValue[];
  aliases: RegisteredModelAlias[];
}
