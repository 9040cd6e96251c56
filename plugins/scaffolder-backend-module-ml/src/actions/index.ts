import { createMlApplicationStartAction } from './applicationStart';
import { createMlJobCreateAction } from './jobCreate';
import { createMlJobRunAction } from './jobRun';
import { createMlModelBuildAction } from './modelBuild';
import { createMlModelCreateAction } from './modelCreate';
import { createMlModelDeployAction } from './modelDeploy';
import { createMlModelDriftBaselineAction } from './modelDriftBaseline';
import { createMlModelMonitorCreateAction } from './modelMonitorCreate';
import { createMlModelMonitoringSettingsAction } from './modelMonitoringSettings';
import { createMlModelPromotionPolicySetAction } from './modelPromotionPolicySet';
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
  createMlModelDriftBaselineAction,
  createMlModelMonitorCreateAction,
  createMlModelMonitoringSettingsAction,
  createMlModelPromotionPolicySetAction,
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
    createMlModelMonitoringSettingsAction(options),
    createMlModelDriftBaselineAction(options),
    createMlModelMonitorCreateAction(options),
    createMlModelPromotionPolicySetAction(options),
    createMlApplicationStartAction(options),
  ];
}
