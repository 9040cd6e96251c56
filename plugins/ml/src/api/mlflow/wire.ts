import {
  MlflowExperiment,
  MlflowMetric,
  MlflowModelVersion,
  MlflowRegisteredModel,
  MlflowRegisteredModelAlias,
  MlflowRun,
  MlflowRunInfo,
} from './types';

// MLflow's JSON writes int64 as strings (proto3 JSON) or as numbers (some
// clients and servers), and NaN/Infinity as strings: the pages want numbers.

type Wire<T> = { [K in keyof T]?: unknown };

/** A number from an int64 or double field; undefined stays undefined. */
export function toNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  return typeof value === 'number' ? value : Number(value);
}

export function experimentFromWire(
  wire: Wire<MlflowExperiment>,
): MlflowExperiment {
  return {
    ...(wire as MlflowExperiment),
    creation_time: toNumber(wire.creation_time),
    last_update_time: toNumber(wire.last_update_time),
    tags: (wire.tags as MlflowExperiment['tags']) ?? [],
  };
}

export function metricFromWire(wire: Wire<MlflowMetric>): MlflowMetric {
  return {
    key: String(wire.key),
    value: toNumber(wire.value) ?? NaN,
    timestamp: toNumber(wire.timestamp) ?? 0,
    step: toNumber(wire.step) ?? 0,
  };
}

function runInfoFromWire(wire: Wire<MlflowRunInfo> & { run_uuid?: unknown }) {
  const { run_uuid: runUuid, ...info } = wire;
  return {
    ...(info as MlflowRunInfo),
    run_id: String(info.run_id ?? runUuid),
    start_time: toNumber(info.start_time),
    end_time: toNumber(info.end_time),
  };
}

/** A run with every list present (MLflow leaves empty ones out). */
export function runFromWire(wire: {
  info?: Wire<MlflowRunInfo>;
  data?: { metrics?: Wire<MlflowMetric>[]; params?: unknown; tags?: unknown };
  inputs?: { dataset_inputs?: unknown };
}): MlflowRun {
  return {
    info: runInfoFromWire(wire.info ?? {}),
    data: {
      metrics: (wire.data?.metrics ?? []).map(metricFromWire),
      params: (wire.data?.params as MlflowRun['data']['params']) ?? [],
      tags: (wire.data?.tags as MlflowRun['data']['tags']) ?? [],
    },
    inputs: {
      dataset_inputs:
        (wire.inputs
          ?.dataset_inputs as MlflowRun['inputs']['dataset_inputs']) ?? [],
    },
  };
}

export function modelVersionFromWire(
  wire: Wire<MlflowModelVersion>,
): MlflowModelVersion {
  return {
    ...(wire as MlflowModelVersion),
    version: String(wire.version),
    creation_timestamp: toNumber(wire.creation_timestamp),
    last_updated_timestamp: toNumber(wire.last_updated_timestamp),
    tags: (wire.tags as MlflowModelVersion['tags']) ?? [],
    aliases: (wire.aliases as string[]) ?? [],
  };
}

export function registeredModelFromWire(
  wire: Wire<MlflowRegisteredModel>,
): MlflowRegisteredModel {
  return {
    ...(wire as MlflowRegisteredModel),
    creation_timestamp: toNumber(wire.creation_timestamp),
    last_updated_timestamp: toNumber(wire.last_updated_timestamp),
    latest_versions: (
      (wire.latest_versions as Wire<MlflowModelVersion>[]) ?? []
    ).map(modelVersionFromWire),
    tags: (wire.tags as MlflowRegisteredModel['tags']) ?? [],
    aliases: ((wire.aliases as Wire<MlflowRegisteredModelAlias>[]) ?? []).map(
      a => ({ alias: String(a.alias), version: String(a.version) }),
    ),
  };
}
