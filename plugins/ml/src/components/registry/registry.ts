import {
  MlflowModelStage,
  MlflowModelVersion,
  MlflowRegisteredModel,
} from '../../api';
import { StatusLook } from '../StatusChip';

/** MLflow's stages, in the order a version moves through them. */
export const MODEL_STAGES: readonly MlflowModelStage[] = [
  'None',
  'Staging',
  'Production',
  'Archived',
];

export const MODEL_STAGE_LOOKS: Record<MlflowModelStage, StatusLook> = {
  None: { label: 'None', kind: 'pending' },
  Staging: { label: 'Staging', kind: 'running' },
  Production: { label: 'Production', kind: 'ok' },
  Archived: { label: 'Archived', kind: 'aborted' },
};

/** A string in MLflow's filter grammar, its quotes escaped. */
function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** MLflow's filter for one registered model's versions. */
export function modelVersionsFilter(modelName: string): string {
  return `name = ${quoted(modelName)}`;
}

/** The newest version of the model, whatever its stage. */
export function latestVersion(
  model: MlflowRegisteredModel,
): MlflowModelVersion | undefined {
  return [...model.latest_versions].sort(
    (a, b) => Number(b.version) - Number(a.version),
  )[0];
}

/** The stages the model's versions are in, but `None`, in stage order. */
export function stagesInUse(model: MlflowRegisteredModel): MlflowModelStage[] {
  const stages = new Set(model.latest_versions.map(v => v.current_stage));
  return MODEL_STAGES.filter(s => s !== 'None' && stages.has(s));
}

/** What a `runs:/<run_id>/<path>` source names; undefined for others. */
export function runOfSource(
  source: string,
): { runId: string; path: string } | undefined {
  const match = /^runs:\/([^/]+)\/?(.*)$/.exec(source);
  return match ? { runId: match[1], path: match[2] } : undefined;
}

/** The source of a version made from a run's artifact (or its root). */
export function runSourceUri(runId: string, path: string): string {
  return `runs:/${runId}/${path.replace(/^\/+/, '')}`;
}
