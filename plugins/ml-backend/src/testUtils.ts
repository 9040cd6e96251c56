/**
 * Test helpers for packages that test against the ML backend (backend
 * modules, the portal's own tests): a real plugin on a test database, and
 * the policy and identities of the portal's default permission setup.
 *
 * @packageDocumentation
 */

// This entry point exists to publish the helpers of __testUtils__, which the
// rule keeps out of production code.
/* eslint-disable no-restricted-imports */

export {
  startMlBackend,
  STANDARD_NODE_GROUP,
} from './__testUtils__/startMlBackend';
export type { MlTestBackend } from './__testUtils__/startMlBackend';
export { createTestDatabases } from './__testUtils__/testDatabases';
export {
  membershipUserInfoFactory,
  policyServiceFactories,
  testPolicy,
} from './__testUtils__/testPolicy';
export type { TestMemberships } from './__testUtils__/testPolicy';

// The engine, stores and serving parts the benches under bench/ measure on
// their own, without the HTTP layer around them. Not a stable API: they move
// with the code.
export {
  ProjectStore,
  QueueStore,
  QuotaStore,
  RuntimeStore,
  SettingsStore,
  WorkloadStore,
  WorkspaceStore,
  toWorkload,
} from './database';
export type { NewWorkload } from './database';
export { insertJsonRows } from './database/jsonRowsInsert';
export {
  METRIC_POINT_COLUMNS,
  MetricPointStore,
} from './database/MetricPointStore';
export { PredictionStore } from './database/PredictionStore';
export { ReplicaUsageStore } from './database/ReplicaUsageStore';
export { LocalProcessDriver } from './drivers/local';
export { AdmissionService } from './engine/AdmissionService';
export { admit } from './engine/admission';
export type { NodeSlot, QueuedWorkload } from './engine/admission';
export { Reconciler } from './engine/Reconciler';
export { WorkloadEngine } from './engine/WorkloadEngine';
export { requireWorkload } from './router/workloadAuth';
export { EnvSecrets } from './secrets/EnvSecrets';
export { ProjectFiles } from './service/ProjectFiles';
export { WorkloadTokens } from './service/WorkloadTokens';
export { FakeModelDirectory } from './serving/__testUtils__/modelReplicas';
export type {
  ModelReplicas,
  RunningReplica,
} from './serving/__testUtils__/modelReplicas';
export { ModelGateway } from './serving/ModelGateway';
export { MonitoringService } from './serving/MonitoringService';
export { PREDICTION_RECORDER_OPTIONS } from './serving/createServing';
export { PredictionRecorder } from './serving/PredictionRecorder';
export { ReplicaClient } from './serving/ReplicaClient';
export { createServingRouter } from './serving/servingRouter';
export { createWorkloadMetricsRouter } from './serving/workloadMetricsRouter';
