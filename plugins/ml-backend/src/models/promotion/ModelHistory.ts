import { ModelEventKind } from '@ml-platform/plugin-ml-common';

/** An entry of a model's history, as the promotion writes it. */
export interface NewModelEvent {
  projectId: string;
  modelId: string;
  kind: ModelEventKind;
  message: string;
  details: Record<string, unknown>;
  atMs?: number;
}

/** The model's history (table `model_events`): what was promoted or refused, and why. */
export interface ModelHistory {
  add(event: NewModelEvent): Promise<void>;
}
