import {
  createApplicationSchema,
  createJobSchema,
  createModelBuildSchema,
  createModelDeploymentSchema,
  createModelSchema,
  createProfileSchema,
  createProjectSchema,
  createQuotaSchema,
  createRuntimeSchema,
  createWorkspaceSchema,
  launchSessionSchema,
  runJobSchema,
  updateApplicationSchema,
  updateJobSchema,
  updateModelSchema,
  updateProfileSchema,
  updateProjectSchema,
  updateQuotaSchema,
  updateRuntimeSchema,
  updateWorkspaceSchema,
} from '@ml-platform/plugin-ml-common';
import { z } from 'zod';

// Request bodies as the services take them: what ml-common's schemas give
// once a router has validated the input (defaults applied).

export type ProjectInput = z.output<typeof createProjectSchema>;
export type ProjectUpdate = z.output<typeof updateProjectSchema>;
export type WorkspaceInput = z.output<typeof createWorkspaceSchema>;
export type WorkspaceUpdate = z.output<typeof updateWorkspaceSchema>;
export type ProfileInput = z.output<typeof createProfileSchema>;
export type ProfileUpdate = z.output<typeof updateProfileSchema>;
export type RuntimeInput = z.output<typeof createRuntimeSchema>;
export type RuntimeUpdate = z.output<typeof updateRuntimeSchema>;
export type QuotaInput = z.output<typeof createQuotaSchema>;
export type QuotaUpdate = z.output<typeof updateQuotaSchema>;
export type JobInput = z.output<typeof createJobSchema>;
export type JobUpdate = z.output<typeof updateJobSchema>;
export type RunInput = z.output<typeof runJobSchema>;
export type SessionInput = z.output<typeof launchSessionSchema>;
export type BuildInput = z.output<typeof createModelBuildSchema>;
export type ModelInput = z.output<typeof createModelSchema>;
export type ModelUpdate = z.output<typeof updateModelSchema>;
export type DeploymentInput = z.output<typeof createModelDeploymentSchema>;
export type ApplicationInput = z.output<typeof createApplicationSchema>;
export type ApplicationUpdate = z.output<typeof updateApplicationSchema>;
