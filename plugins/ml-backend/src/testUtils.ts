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
export { intervalSchedulerFactory } from './__testUtils__/intervalScheduler';
export {
  removeStorage,
  stopLocalWorkloads,
} from './__testUtils__/localStorage';
export { PYTHON_RUNTIME } from './__testUtils__/storeRows';
export { FIXTURE_TIME, testApplication } from './__testUtils__/apiObjects';
export { listTrackingRoutes } from './__testUtils__/trackingRouteList';

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
} from './models/monitoring/MetricPointStore';
export { PredictionStore } from './models/monitoring/PredictionStore';
export { ReplicaUsageStore } from './models/monitoring/ReplicaUsageStore';
export { LocalProcessDriver } from './engine/drivers/local';
export { AdmissionService } from './engine/AdmissionService';
export { admit } from './engine/admission';
export type { NodeSlot, QueuedWorkload } from './engine/admission';
export { Reconciler } from './engine/Reconciler';
export { WorkloadEngine } from './engine/WorkloadEngine';
export { requireWorkload } from './workloads/api/workloadAuth';
export { EnvSecrets } from './secrets/EnvSecrets';
export { ProjectFiles } from './projects/ProjectFiles';
export { WorkloadTokens } from './engine/WorkloadTokens';
export {
  FakeModelDirectory,
  ModelReplicas,
} from './models/serving/__testUtils__/modelReplicas';
export type { RunningReplica } from './models/serving/__testUtils__/modelReplicas';
export { ModelGateway } from './models/serving/ModelGateway';
export { MonitoringService } from './models/monitoring/MonitoringService';
export {
  PREDICTION_RECORDER_OPTIONS,
  PredictionRecorder,
} from './models/monitoring/PredictionRecorder';
export { ReplicaClient } from './models/serving/ReplicaClient';
export { createServingRouter } from './models/serving/servingRouter';
export { createWorkloadMetricsRouter } from './models/monitoring/workloadMetricsRouter';
