import { createMockDirectory } from '@backstage/backend-test-utils';
import { z } from 'zod/v3';
import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import { runAction } from '../__testUtils__/actionContext';
import { createMlActions } from '.';
import { applicationStartInput } from './applicationStart';
import { jobCreateInput } from './jobCreate';
import { jobRunInput } from './jobRun';
import { modelBuildInput } from './modelBuild';
import { modelCreateInput } from './modelCreate';
import { modelDeployInput } from './modelDeploy';
import { modelDriftBaselineInput } from './modelDriftBaseline';
import { modelMonitorCreateInput } from './modelMonitorCreate';
import { modelMonitoringSettingsInput } from './modelMonitoringSettings';
import { modelPromotionPolicySetInput } from './modelPromotionPolicySet';
import { modelRegisterInput } from './modelRegister';
import { projectCreateInput } from './projectCreate';
import { projectUploadInput } from './projectUpload';
import { exampleSteps } from '../__testUtils__/exampleSteps';
import { exampleIds } from './stepExample';

const inputs: Record<
  string,
  Record<string, (zod: typeof z) => z.ZodTypeAny>
> = {
  'ml:project:create': projectCreateInput,
  'ml:project:upload': projectUploadInput,
  'ml:job:create': jobCreateInput,
  'ml:job:run': jobRunInput,
  'ml:model:create': modelCreateInput,
  'ml:model:register': modelRegisterInput,
  'ml:model:build': modelBuildInput,
  'ml:model:deploy': modelDeployInput,
  'ml:model:monitoring-settings': modelMonitoringSettingsInput,
  'ml:model:drift-baseline': modelDriftBaselineInput,
  'ml:model:monitor:create': modelMonitorCreateInput,
  'ml:model:promotion-policy:set': modelPromotionPolicySetInput,
  'ml:application:start': applicationStartInput,
};

function strictSchema(fields: Record<string, (zod: typeof z) => z.ZodTypeAny>) {
  return z
    .object(
      Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f(z)])),
    )
    .strict();
}

describe('action examples', () => {
  const api = fakeMlApiPerTest();
  const dir = createMockDirectory();
  beforeEach(async () => {
    api().pendingPolls = 0;
    api().addProject('6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01');
    // The MLflow runs the registry examples name.
    const { projectId, jobRunId, mlflowRunId } = exampleIds;
    api().mlflow.addRun({ projectId, workloadId: jobRunId });
    api().mlflow.addRun({ projectId, runId: mlflowRunId });
    dir.setContent({
      'train.py': 'print(1)\n',
      project: { 'model.py': 'def predict(a): return a\n' },
      dashboard: { 'app.py': 'print(2)\n' },
    });
  });

  const actions = () => createMlActions(api().actionOptions());
  const cases = createMlActions({ ml: {} as any, auth: {} as any }).flatMap(
    action =>
      (action.examples ?? []).map(
        example => [action.id, example.description, example] as const,
      ),
  );

  it('every action has at least one example and a described input field for each field', () => {
    for (const action of createMlActions({ ml: {} as any, auth: {} as any })) {
      expect(action.examples?.length).toBeGreaterThan(0);
      const properties = (action.schema?.input as any).properties as Record<
        string,
        { description?: string }
      >;
      for (const [name, property] of Object.entries(properties)) {
        expect([name, property.description?.length]).toEqual([
          name,
          expect.any(Number),
        ]);
      }
    }
  });

  it.each(cases)(
    '%s: %s — parses, validates and runs',
    async (id, _description, example) => {
      const steps = exampleSteps(example);
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        expect(step.action).toBe(id);
        const parsed = strictSchema(inputs[id]).safeParse(step.input);
        expect(parsed.error?.issues ?? []).toEqual([]);
        const action = actions().find(a => a.id === id)!;
        const { outputs } = await runAction(action, step.input, {
          workspacePath: dir.path,
        });
        expect(Object.keys(outputs).length).toBeGreaterThan(0);
      }
    },
  );
});
