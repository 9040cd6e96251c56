import type { MlApiComponents } from './schema/openapi';

/**
 * Types of the MLOps loop: what a model's quality and drift are computed
 * from, the quality and drift per window, monitors and their history,
 * promotion policies, job candidates and the model's history. Aliases of
 * openapi.yaml's schemas.
 *
 * REST (all under /api/ml):
 *   GET/PUT           /projects/:projectId/models/:modelId/monitoring-settings
 *   GET               /projects/:projectId/models/:modelId/quality?deploymentId&from&to&stepSeconds
 *   GET               /projects/:projectId/models/:modelId/drift?deploymentId&from&to&stepSeconds
 *   POST              /projects/:projectId/models/:modelId/drift-baseline
 *   GET/POST          /projects/:projectId/models/:modelId/monitors
 *   GET/PATCH/DELETE  /projects/:projectId/models/:modelId/monitors/:monitorId
 *   GET               /projects/:projectId/models/:modelId/monitors/:monitorId/evaluations
 *   GET/PUT/DELETE    /projects/:projectId/models/:modelId/promotion-policy
 *   GET               /projects/:projectId/models/:modelId/events
 *   POST              /workload-api/v1/aggregate-metrics             (SDK track_aggregate_metrics)
 */

type Schemas = MlApiComponents['schemas'];

/** @public */
export type MonitoringTask = Schemas['MonitoringTask'];

/** @public */
export type MonitoredFeature = Schemas['MonitoredFeature'];

/** @public */
export type ModelMonitoringSettings = Schemas['ModelMonitoringSettings'];

/** @public */
export type ModelMonitoringSettingsInput =
  Schemas['ModelMonitoringSettingsInput'];

/** @public */
export type DriftBaseline = Schemas['DriftBaseline'];

/** @public */
export type TakeDriftBaselineRequest = Schemas['TakeDriftBaselineRequest'];

/** @public */
export type QualityWindow = Schemas['QualityWindow'];

/** @public */
export type AggregateMetricValue = Schemas['AggregateMetricValue'];

/** @public */
export type ModelQuality = Schemas['ModelQuality'];

/** @public */
export type DriftWindow = Schemas['DriftWindow'];

/** @public */
export type FeatureDrift = Schemas['FeatureDrift'];

/** @public */
export type ModelDrift = Schemas['ModelDrift'];

/** @public */
export type MonitorMetric = Schemas['MonitorMetric'];

/** @public */
export type MonitorState = Schemas['MonitorState'];

/** @public */
export type ModelMonitor = Schemas['ModelMonitor'];

/** @public */
export type CreateModelMonitorRequest = Schemas['CreateModelMonitorRequest'];

/** @public */
export type UpdateModelMonitorRequest = Schemas['UpdateModelMonitorRequest'];

/** @public */
export type MonitorEvaluation = Schemas['MonitorEvaluation'];

/** @public */
export type PromotionPolicy = Schemas['PromotionPolicy'];

/** @public */
export type PromotionPolicyInput = Schemas['PromotionPolicyInput'];

/** @public */
export type JobCandidate = Schemas['JobCandidate'];

/** @public */
export type ModelEventKind = Schemas['ModelEventKind'];

/** @public */
export type ModelEvent = Schemas['ModelEvent'];

/**
 * The feature name drift of the prediction itself goes by.
 *
 * @public
 */
export const PREDICTION_FEATURE = '$prediction';
