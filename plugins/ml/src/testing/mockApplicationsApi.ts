import { MlApplicationsApi } from '../api';

/** A fake of every applications method of MlApi. */
export function createMockApplicationsApi(): jest.Mocked<MlApplicationsApi> {
  return {
    getApplicationSettings: jest.fn(),
    listApplications: jest.fn(),
    getApplication: jest.fn(),
    createApplication: jest.fn(),
    updateApplication: jest.fn(),
    deleteApplication: jest.fn(),
    startApplication: jest.fn(),
    stopApplication: jest.fn(),
    restartApplication: jest.fn(),
    prepareApplicationUrl: jest.fn(),
  };
}
