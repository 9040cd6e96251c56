import { MlModelsApi } from '../api';

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
