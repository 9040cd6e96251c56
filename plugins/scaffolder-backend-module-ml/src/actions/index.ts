import { createMlApplicationStartAction } from './applicationStart';
import { createMlJobCreateAction } from './jobCreate';
import { createMlJobRunAction } from './jobRun';
import { createMlModelBuildAction } from './modelBuild';
import { createMlModelCreateAction } from './modelCreate';
import { createMlModelDeployAction } from './modelDeploy';
import { createMlModelRegisterAction } from './modelRegister';
import { MlflowActionOptions } from './MlActionOptions';
import { createMlProjectCreateAction } from './projectCreate';
import { createMlProjectUploadAction } from './projectUpload';

export {
  createMlApplicationStartAction,
  createMlJobCreateAction,
  createMlJobRunAction,
  createMlModelBuildAction,
  createMlModelCreateAction,
  createMlModelDeployAction,
  createMlModelRegisterAction,
  createMlProjectCreateAction,
  createMlProjectUploadAction,
};

/** All ML template actions, sharing one ML service. */
export function createMlActions(options: MlflowActionOptions) {
  return [
    createMlProjectCreateAction(options),
    createMlProjectUploadAction(options),
    createMlJobCreateAction(options),
    createMlJobRunAction(options),
    createMlModelCreateAction(options),
    createMlModelRegisterAction(options),
    createMlModelBuildAction(options),
    createMlModelDeployAction(options),
    createMlApplicationStartAction(options),
  ];
}
