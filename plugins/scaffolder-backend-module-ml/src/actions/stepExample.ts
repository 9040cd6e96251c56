import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Ids the examples refer to; the examples test creates things with them. */
export const exampleIds = {
  projectId: '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01',
  jobId: '9d2f4b6e-1a3c-4e5f-8a7b-6c5d4e3f2a10',
  modelId: '3a9e1c7b-5d2f-4e8a-9b6c-1d0f2e3a4b50',
  buildId: '7c4d2e1f-9a8b-4c6d-8e5f-0a1b2c3d4e60',
  runtimeId: '0b7e3d0a-8f6c-4d6e-a1f2-5c3b9e7d4a10',
  /** A job run's workload id. */
  jobRunId: '5e8a1b3c-7d2f-4a6e-9c1b-3f5d7e9a2c40',
  /** MLflow's run ids are 32 hex digits. */
  mlflowRunId: '2b7f4c9e1a3d4e6f8a0b2c4d6e8f0a1b',
};

/** One step of a template that uses an action. */
export interface ExampleStep {
  id: string;
  action: string;
  name: string;
  input: Record<string, unknown>;
}

/** An action example: a template whose only step is `step`, as YAML. */
export function stepExample(
  description: string,
  step: ExampleStep,
): TemplateExample {
  return { description, example: yaml.stringify({ steps: [step] }) };
}
