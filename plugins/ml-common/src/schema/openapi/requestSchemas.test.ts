import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  createApplicationSchema,
  updateApplicationSchema,
} from '../../applicationSchemas';
import {
  createModelAccessKeySchema,
  createModelBuildSchema,
  createModelDeploymentSchema,
  createModelSchema,
  modelExampleSchema,
  updateModelDeploymentSchema,
  updateModelSchema,
} from '../../modelSchemas';
import { promotionPolicyInputSchema } from '../../promotionSchemas';
import {
  collaboratorSchema,
  createProfileSchema,
  createProjectSchema,
  createQuotaSchema,
  createRuntimeSchema,
  createWorkspaceSchema,
  envSchema,
  nodeGroupSchema,
  resourceLimitsSchema,
  updateProfileSchema,
  updateProjectSchema,
  updateQuotaSchema,
  updateRuntimeSchema,
  updateWorkspaceSchema,
} from '../../schemas';
import {
  modelMonitoringSettingsInputSchema,
  takeDriftBaselineSchema,
} from '../../qualitySchemas';
import {
  createJobSchema,
  launchSessionSchema,
  runJobSchema,
  updateJobSchema,
} from '../../workloadSchemas';
import {
  createModelMonitorSchema,
  updateModelMonitorSchema,
} from '../../monitorSchemas';
import type { MlApiComponents } from '.';
import { agree } from '../../__testUtils__/agree';

/**
 * Drift between the zod schemas the routers (and forms) validate request
 * bodies with and the request bodies openapi.yaml describes. The check is at
 * compile time (`yarn tsc`): `agree` only takes no argument when the zod
 * input type and the spec's type are assignable to each other and have the
 * same properties. At run time, every request schema of the spec must be
 * listed here, and a body typed by the spec must pass its zod schema.
 */

type Schemas = MlApiComponents['schemas'];

type Input<S extends z.ZodType> = z.input<S>;

const RUNTIME_ID = '3b241101-e2bb-4255-8caf-4136c566a962';

interface Case<Name extends keyof Schemas> {
  agrees: true;
  schema: z.ZodType;
  /** A small body the spec allows, that the zod schema must take. */
  example: Schemas[Name];
}

const cases: { [Name in keyof Schemas]?: Case<Name> } = {
  ModelMonitoringSettingsInput: {
    agrees: agree<
      Input<typeof modelMonitoringSettingsInputSchema>,
      Schemas['ModelMonitoringSettingsInput']
    >(),
    schema: modelMonitoringSettingsInputSchema,
    example: {
      task: 'regression',
      predictionMetric: 'prediction',
      truthMetric: 'actual',
      features: [{ name: 'age', type: 'numeric' }],
      baselineSize: 1000,
    },
  },
  TakeDriftBaselineRequest: {
    agrees: agree<
      Input<typeof takeDriftBaselineSchema>,
      Schemas['TakeDriftBaselineRequest']
    >(),
    schema: takeDriftBaselineSchema,
    example: { source: 'predictions', size: 500 },
  },
  CreateModelMonitorRequest: {
    // The metric is a union per kind in zod, one object in the spec (whose
    // description says which fields each kind takes): all but it agree.
    agrees: agree<
      Omit<Input<typeof createModelMonitorSchema>, 'metric'>,
      Omit<Schemas['CreateModelMonitorRequest'], 'metric'>
    >(),
    schema: createModelMonitorSchema,
    example: {
      name: 'latency',
      metric: { kind: 'technical', name: 'p95LatencyMs' },
      threshold: 300,
      direction: 'above',
    },
  },
  UpdateModelMonitorRequest: {
    // The metric is a union per kind in zod, one object in the spec (whose
    // description says which fields each kind takes): all but it agree.
    agrees: agree<
      Omit<Input<typeof updateModelMonitorSchema>, 'metric'>,
      Omit<Schemas['UpdateModelMonitorRequest'], 'metric'>
    >(),
    schema: updateModelMonitorSchema,
    example: { triggerJobId: null, threshold: 0.5 },
  },
  PromotionPolicyInput: {
    agrees: agree<
      Input<typeof promotionPolicyInputSchema>,
      Schemas['PromotionPolicyInput']
    >(),
    schema: promotionPolicyInputSchema,
    example: { metric: 'rmse', better: 'lower' },
  },
  CreateWorkspaceRequest: {
    agrees: agree<
      Input<typeof createWorkspaceSchema>,
      Schemas['CreateWorkspaceRequest']
    >(),
    schema: createWorkspaceSchema,
    example: {
      name: 'ws',
      nodeGroups: [
        { name: 'std', cpu: '4', memoryMiB: '16Gi', minNodes: 1, maxNodes: 2 },
      ],
      env: { A: '1', B: { secret: true, value: 'b' } },
    },
  },
  UpdateWorkspaceRequest: {
    agrees: agree<
      Input<typeof updateWorkspaceSchema>,
      Schemas['UpdateWorkspaceRequest']
    >(),
    schema: updateWorkspaceSchema,
    example: { defaultUserQuota: { cpu: 2, memoryMiB: 8192 } },
  },
  CreateRuntimeRequest: {
    agrees: agree<
      Input<typeof createRuntimeSchema>,
      Schemas['CreateRuntimeRequest']
    >(),
    schema: createRuntimeSchema,
    example: {
      editor: 'Workbench',
      kernel: 'Python 3.12',
      edition: 'Standard',
      shortVersion: '2026.11',
      maintenanceVersion: 1,
      command: 'python3',
    },
  },
  UpdateRuntimeRequest: {
    agrees: agree<
      Input<typeof updateRuntimeSchema>,
      Schemas['UpdateRuntimeRequest']
    >(),
    schema: updateRuntimeSchema,
    example: { image: null, enabled: false },
  },
  CreateProfileRequest: {
    agrees: agree<
      Input<typeof createProfileSchema>,
      Schemas['CreateProfileRequest']
    >(),
    schema: createProfileSchema,
    example: { name: 'small', cpu: '500m', memoryMiB: 1024 },
  },
  UpdateProfileRequest: {
    agrees: agree<
      Input<typeof updateProfileSchema>,
      Schemas['UpdateProfileRequest']
    >(),
    schema: updateProfileSchema,
    example: { gpu: 1 },
  },
  CreateQuotaRequest: {
    agrees: agree<
      Input<typeof createQuotaSchema>,
      Schemas['CreateQuotaRequest']
    >(),
    schema: createQuotaSchema,
    example: { subject: 'group:default/risk', cpu: 2, memoryMiB: '4Gi' },
  },
  UpdateQuotaRequest: {
    agrees: agree<
      Input<typeof updateQuotaSchema>,
      Schemas['UpdateQuotaRequest']
    >(),
    schema: updateQuotaSchema,
    example: { cpu: 4 },
  },
  CreateProjectRequest: {
    agrees: agree<
      Input<typeof createProjectSchema>,
      Schemas['CreateProjectRequest']
    >(),
    schema: createProjectSchema,
    example: { workspace: 'ws', name: 'churn', visibility: 'team' },
  },
  UpdateProjectRequest: {
    agrees: agree<
      Input<typeof updateProjectSchema>,
      Schemas['UpdateProjectRequest']
    >(),
    schema: updateProjectSchema,
    example: { teamRole: 'viewer', env: { KEEP: { secret: true } } },
  },
  CollaboratorRoleRequest: {
    // The subject is the path's; the body names the role.
    agrees: agree<
      Omit<Input<typeof collaboratorSchema>, 'subject'>,
      Schemas['CollaboratorRoleRequest']
    >(),
    schema: collaboratorSchema.omit({ subject: true }),
    example: { role: 'operator' },
  },
  LaunchSessionRequest: {
    agrees: agree<
      Input<typeof launchSessionSchema>,
      Schemas['LaunchSessionRequest']
    >(),
    schema: launchSessionSchema,
    example: { runtimeId: RUNTIME_ID, profile: 'small' },
  },
  CreateJobRequest: {
    agrees: agree<Input<typeof createJobSchema>, Schemas['CreateJobRequest']>(),
    schema: createJobSchema,
    example: {
      name: 'train',
      script: 'train.py',
      runtimeId: RUNTIME_ID,
      profile: 'small',
      schedule: '0 2 * * *',
    },
  },
  UpdateJobRequest: {
    agrees: agree<Input<typeof updateJobSchema>, Schemas['UpdateJobRequest']>(),
    schema: updateJobSchema,
    example: { schedule: null, timeoutSeconds: null, args: ['--fast'] },
  },
  RunJobRequest: {
    agrees: agree<Input<typeof runJobSchema>, Schemas['RunJobRequest']>(),
    schema: runJobSchema,
    example: { env: { SEED: '1' } },
  },
  CreateApplicationRequest: {
    agrees: agree<
      Input<typeof createApplicationSchema>,
      Schemas['CreateApplicationRequest']
    >(),
    schema: createApplicationSchema,
    example: {
      name: 'Dashboard',
      slug: 'dashboard',
      script: 'app.py',
      runtimeId: RUNTIME_ID,
      profile: 'small',
      start: false,
    },
  },
  UpdateApplicationRequest: {
    agrees: agree<
      Input<typeof updateApplicationSchema>,
      Schemas['UpdateApplicationRequest']
    >(),
    schema: updateApplicationSchema,
    example: { bypassAuthentication: true },
  },
  CreateModelRequest: {
    agrees: agree<
      Input<typeof createModelSchema>,
      Schemas['CreateModelRequest']
    >(),
    schema: createModelSchema,
    example: { name: 'doubler' },
  },
  UpdateModelRequest: {
    agrees: agree<
      Input<typeof updateModelSchema>,
      Schemas['UpdateModelRequest']
    >(),
    schema: updateModelSchema,
    example: { disableAuthentication: true },
  },
  CreateModelBuildRequest: {
    agrees: agree<
      Input<typeof createModelBuildSchema>,
      Schemas['CreateModelBuildRequest']
    >(),
    schema: createModelBuildSchema,
    example: {
      filePath: 'model.py',
      functionName: 'predict',
      runtimeId: RUNTIME_ID,
      examples: [{ request: { x: 1 } }],
    },
  },
  CreateModelDeploymentRequest: {
    agrees: agree<
      Input<typeof createModelDeploymentSchema>,
      Schemas['CreateModelDeploymentRequest']
    >(),
    schema: createModelDeploymentSchema,
    example: { buildId: RUNTIME_ID, profile: 'small' },
  },
  UpdateModelDeploymentRequest: {
    agrees: agree<
      Input<typeof updateModelDeploymentSchema>,
      Schemas['UpdateModelDeploymentRequest']
    >(),
    schema: updateModelDeploymentSchema,
    example: { replicas: 2 },
  },
  CreateModelAccessKeyRequest: {
    agrees: agree<
      Input<typeof createModelAccessKeySchema>,
      Schemas['CreateModelAccessKeyRequest']
    >(),
    schema: createModelAccessKeySchema,
    example: { name: 'ci' },
  },
  // The parts the bodies above share.
  NodeGroupInput: {
    agrees: agree<Input<typeof nodeGroupSchema>, Schemas['NodeGroupInput']>(),
    schema: nodeGroupSchema,
    example: {
      name: 'gpu',
      cpu: 8,
      memoryMiB: 32768,
      minNodes: 0,
      maxNodes: 1,
    },
  },
  ResourceLimitsInput: {
    agrees: agree<
      Input<typeof resourceLimitsSchema>,
      Schemas['ResourceLimitsInput']
    >(),
    schema: resourceLimitsSchema,
    example: { cpu: '1.5', memoryMiB: '2Gi', gpu: 0 },
  },
  EnvVars: {
    agrees: agree<Input<typeof envSchema>, Schemas['EnvVars']>(),
    schema: envSchema,
    example: { PLAIN: 'x', SET: { secret: true, value: 'y' } },
  },
  ModelExample: {
    agrees: agree<Input<typeof modelExampleSchema>, Schemas['ModelExample']>(),
    schema: modelExampleSchema,
    example: { request: { x: 1 }, response: { y: 2 } },
  },
};

/** Request bodies the backend validates with schemas of its own. */
const VALIDATED_IN_THE_BACKEND = [
  'AggregateMetricsRequest',
  'CmlPredictionRequest',
  'CreateDirectoryRequest',
  'DelayedMetricsRequest',
  'ExecuteRequest',
  'RenameRequest',
  'TrackMetricsRequest',
];

/** The request schemas of the spec, read from the generated types. */
function specRequestSchemas(): string[] {
  const generated = fs.readFileSync(
    path.join(__dirname, 'generated/types.ts'),
    'utf8',
  );
  const schemas = generated.slice(
    generated.indexOf('\n  schemas: {'),
    generated.indexOf('\n  responses: {'),
  );
  return [...schemas.matchAll(/^ {4}(\w+Request): /gm)].map(m => m[1]).sort();
}

describe('request schemas agree with openapi.yaml', () => {
  it('covers every request body of the spec', () => {
    const requestNames = Object.keys(cases).filter(name =>
      name.endsWith('Request'),
    );
    expect(specRequestSchemas()).toEqual(
      [...requestNames, ...VALIDATED_IN_THE_BACKEND].sort(),
    );
  });

  it.each(Object.entries(cases))(
    '%s: same fields at compile time, and zod takes a body the spec allows',
    (_name, testCase) => {
      expect(testCase!.agrees).toBe(true);
      const parsed = testCase!.schema.safeParse(testCase!.example);
      expect(parsed.error?.issues).toBeUndefined();
    },
  );
});
