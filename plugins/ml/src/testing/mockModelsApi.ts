import { MlModelMonitoringApi, MlModelsApi } from '../api';

/** A fake of every models method of MlApi (part of createMockMlApi). */
export function createMockModelsApi(): jest.Mocked<MlModelsApi> {
  return {
    listModels: jest.fn(),
    getModel: jest.fn(),
    createModel: jest.fn(),
    updateModel: jest.fn(),
    deleteModel: jest.fn(),
    listBuilds: jest.fn(),
    getBuild: jest.fn(),
    createBuild: jest.fn(),
    getModelLineage: jest.fn(),
    listDeployments: jest.fn(),
    createDeployment: jest.fn(),
    scaleDeployment: jest.fn(),
    stopDeployment: jest.fn(),
    listAccessKeys: jest.fn(),
    createAccessKey: jest.fn(),
    revokeAccessKey: jest.fn(),
    predict: jest.fn(),
    listPredictions: jest.fn(),
    getModelMetrics: jest.fn(),
  };
}

/** A fake of every monitoring method of MlApi (part of createMockMlApi). */
export function createMockModelMonitoringApi(): jest.Mocked<MlModelMonitoringApi> {
  return {
    getMonitoringSettings: jest.fn(),
    putMonitoringSettings: jest.fn(),
    getModelQuality: jest.fn(),
    getModelDrift: jest.fn(),
    takeDriftBaseline: jest.fn(),
    listMonitors: jest.fn(),
    createMonitor: jest.fn(),
    updateMonitor: jest.fn(),
    deleteMonitor: jest.fn(),
    listMonitorEvaluations: jest.fn(),
    getPromotionPolicy: jest.fn(),
    putPromotionPolicy: jest.fn(),
    deletePromotionPolicy: jest.fn(),
    listModelEvents: jest.fn(),
  };
}
